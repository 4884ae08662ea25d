using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>Screens a batch of order lines under one pack: one decision per line, in input order.</summary>
/// <remarks>
/// <para>A batch is read twice. The first pass (<see cref="Plan"/>) evaluates every line and keeps, for the few
/// whose decision depends on a volume limit, their keys and their outcome in each case; the planner then settles
/// volumes in ship-date order, then row order, after the baseline (the ledger). The second pass
/// (<see cref="Decide"/>) evaluates every line again with the volumes it finds before it and yields decisions in
/// input order. Both passes stream; memory grows only with the volume-dependent lines (a few dozen bytes each), with the
/// rows' line keys during the first pass (16-byte slots, 32 MB for a million rows, outside the garbage-collected heap:
/// <see cref="DuplicateLineFinder"/>)
/// and, once a row without a line number comes, with the order ids it is numbered by (<see cref="OrderPositions"/>).</para>
/// <para>An order line on more than one row (the same order id and line number, "01" being "1") is held on every row
/// that holds it, through a <c>line</c> issue naming the other rows, and adds to no volume: the first pass finds the
/// copies, the second holds them, for a file and a batch given in code alike.</para>
/// <para>Thread-safe: one instance can screen several batches at once.</para>
/// </remarks>
public sealed class BatchScreener
{
    private readonly FactsBuilder _facts;
    private readonly int _degree;

    /// <summary>Creates a screener for <paramref name="pack"/>.</summary>
    /// <param name="pack">The prepared pack.</param>
    /// <param name="degreeOfParallelism">Worker threads; -1 for one per processor.</param>
    public BatchScreener(RulePack pack, int degreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        _facts = new FactsBuilder(pack);
        _degree = degreeOfParallelism < 1 ? Environment.ProcessorCount : degreeOfParallelism;
    }

    /// <summary>The pack this screener applies.</summary>
    public RulePack Pack { get; }

    /// <summary>Screens a batch: reads <paramref name="source"/> twice (plan, then decide).</summary>
    /// <param name="source">The batch's lines; each read must give the same lines in the same order.</param>
    /// <param name="asOf">The as-of date (the ship date of lines without one).</param>
    /// <param name="baseline">Volumes already used (the ledger); empty when null.</param>
    /// <param name="plan">Receives the plan once the first pass is done.</param>
    public IEnumerable<LineDecision> Screen(IOrderSource source, DateOnly asOf, IVolumeBaseline? baseline = null, Action<BatchPlan>? plan = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settled = Plan(source, asOf, baseline ?? EmptyVolumeBaseline.Instance);
        plan?.Invoke(settled);
        return Decide(source, asOf, settled);
    }

    /// <summary>First pass: finds the volume-dependent lines, settles their volumes in ship-date order, numbers rows without a
    /// line number, and finds the order lines on more than one row (held, consuming nothing).</summary>
    /// <param name="source">The batch.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="baseline">The volumes already used.</param>
    /// <param name="identities">If given, told each line's row, order id and line number (as the second pass decides
    /// them) and whether the line number was given (false when it is the row's position within its order), in input order
    /// and before the baseline is first asked; a ledger uses them to leave the batch's own earlier entries out of its
    /// baseline (only lines whose number was given: a position is not a stable line id).</param>
    public BatchPlan Plan(IOrderSource source, DateOnly asOf, IVolumeBaseline baseline, Action<long, string, string, bool>? identities = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(baseline);
        var pending = new PendingVolumes();
        var positions = new OrderPositions(source);
        var lineNumbers = new Dictionary<long, int>();
        using var duplicates = new DuplicateLineFinder();
        long lines = 0;
        foreach (var (row, orderId, line, key, volume) in source.Map(order => (order.Row, order.OrderId, order.Line, GivenKey(order), PlanOne(order, asOf)), _degree))
        {
            lines++;
            var given = line.Length > 0;
            var position = positions.Next(orderId, numbered: given);
            if (!given)
                lineNumbers[row] = position;
            // A row without an order id is held for it, and is no order's line.
            if (orderId.Length > 0)
                duplicates.Add(row, given ? key : LineKey.Of(orderId, position), given);
            identities?.Invoke(row, orderId, given ? line : position.ToString(System.Globalization.CultureInfo.InvariantCulture), given);
            if (volume is { } p)
                pending.Add(p);
        }
        // A copy's volume was planned before a later row showed it to be one: held, it consumes nothing.
        var found = duplicates.Result();
        if (found.Rows > 0)
            pending.Hold(found.HeldRows);
        return new BatchPlan(VolumePlanner.Settle(pending, Pack.Volumes, baseline), lineNumbers, lines, found);

        static ulong GivenKey(OrderLine order) => order.Line.Length > 0 && order.OrderId.Length > 0 ? LineKey.Of(order.OrderId, order.Line) : 0;
    }

    /// <summary>Second pass: decides every line with what the plan settled; yields in input order.</summary>
    public IEnumerable<LineDecision> Decide(IOrderSource source, DateOnly asOf, BatchPlan plan) => Decide(source, asOf, plan, d => d);

    /// <summary>Second pass, mapping each decision with <paramref name="project"/> on the worker that made it (to format
    /// output in parallel); yields the projections in input order.</summary>
    public IEnumerable<T> Decide<T>(IOrderSource source, DateOnly asOf, BatchPlan plan, Func<LineDecision, T> project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return DecideBatches(source, asOf, plan, decisions => Array.ConvertAll(decisions, d => project(d))).SelectMany(results => results);
    }

    /// <summary>Second pass, mapping each run of consecutive decisions with <paramref name="project"/> on the worker that
    /// made them (to format a run's records side by side); yields the projections in input order.</summary>
    public IEnumerable<T> DecideBatches<T>(IOrderSource source, DateOnly asOf, BatchPlan plan, Func<LineDecision[], T> project)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(project);
        return source.MapBatches(orders => project(Array.ConvertAll(orders, order => DecideOne(order, asOf, plan))), _degree);
    }

    /// <summary>Screens one line on its own: volumes start from <paramref name="baseline"/> (nothing else in a batch).</summary>
    /// <param name="line">The line.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="baseline">The volumes already used; empty when null.</param>
    /// <param name="identities">If given, told the line's row, order id and line number, and whether the number was given
    /// (a line without one is numbered 1), before the baseline is asked, as <see cref="Plan"/> tells them.</param>
    public LineDecision ScreenOne(OrderLine line, DateOnly asOf, IVolumeBaseline? baseline = null, Action<long, string, string, bool>? identities = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var given = line.Line.Length > 0;
        var numbered = given ? line : line with { Line = "1" };
        identities?.Invoke(numbered.Row, numbered.OrderId, numbered.Line, given);
        var pending = new PendingVolumes();
        if (PlanOne(numbered, asOf) is { } p)
            pending.Add(p);
        var volumes = VolumePlanner.Settle(pending, Pack.Volumes, baseline ?? EmptyVolumeBaseline.Instance);
        return DecideOne(numbered, asOf, new BatchPlan(volumes, new Dictionary<long, int>(), 1));
    }

    [ThreadStatic]
    private static bool[]? t_fired;

    [ThreadStatic]
    private static VolumeView? t_view;

    /// <summary>This thread's volume view, set to <paramref name="state"/>: the facts of a line being planned or decided are
    /// dropped before the thread takes its next line, so one view serves them all.</summary>
    private static VolumeView View(VolumeState state, bool consigneeYearFits, bool countryAllocationFits) =>
        t_view is { } view ? view.For(state, consigneeYearFits, countryAllocationFits) : t_view = new VolumeView(state, consigneeYearFits, countryAllocationFits);

    private bool[] Fired()
    {
        var count = Pack.Rules.Rules.Count;
        var fired = t_fired;
        if (fired is null || fired.Length != count)
            t_fired = fired = new bool[count];
        return fired;
    }

    /// <summary>Evaluates a line before volumes are settled: whether it depends on them, and if so what it consumes in
    /// each of the four cases.</summary>
    private PendingLine? PlanOne(OrderLine order, DateOnly asOf)
    {
        var fired = Fired();
        var facts = _facts.Build(order, asOf);
        var state = State(facts, 0, 0);

        // Only the rules that read a volume limit can make a line depend on volumes: try them alone first, and
        // evaluate the whole pack in all four cases only for the lines that do.
        var view = View(state, true, true);
        if (!LineEvaluator.Probe(Pack.Rules, facts, view, fired))
            return null;
        var first = LineEvaluator.Evaluate(Pack.Rules, facts, view.With(true, true), fired);
        if (!first.DependsOnVolume)
            return null;
        Span<byte> outcomes = stackalloc byte[4];
        outcomes[0] = (byte)first.Consumes;
        for (var c = 1; c < 4; c++)
        {
            outcomes[c] = (byte)LineEvaluator.Reevaluate(Pack.Rules, facts, view.With((c & 1) == 0, (c & 2) == 0), fired).Consumes;
        }
        return new PendingLine(facts.Row, facts.ShipDate, facts.ConsigneeKey, facts.Consignee, facts.Destination.Code,
            state.AllocationPeriod.Length > 0 ? state.AllocationPeriod : null, state.CountryHasAllocation, state.LineVolume, VolumePlanner.Pack(outcomes));
    }

    private LineDecision DecideOne(OrderLine order, DateOnly asOf, BatchPlan batch)
    {
        var (facts, state, planned, consumes) = Prepare(order, asOf, batch, View);
        var verdict = LineEvaluator.Evaluate(Pack.Rules, facts, facts.Volume, Fired());
        if (planned && (byte)verdict.Consumes != consumes)
            throw new InvalidOperationException($"{facts.Order.Where}: the volume plan and the decision disagree; the pack's rules must decide volumes only through line.Volume.ConsigneeYearFits and CountryAllocationFits");
        return ToDecision(facts, verdict, state);
    }

    /// <summary>The facts a line is decided on in the second pass, with the volumes the plan settled (for tests that
    /// evaluate the same facts another way).</summary>
    internal LineFacts FactsFor(OrderLine order, DateOnly asOf, BatchPlan batch) => Prepare(order, asOf, batch, (s, c, a) => new VolumeView(s, c, a)).Facts;

    private (LineFacts Facts, VolumeState State, bool Planned, byte Consumes) Prepare(OrderLine order, DateOnly asOf, BatchPlan batch, Func<VolumeState, bool, bool, VolumeView> view)
    {
        var number = 0;
        var numbered = order.Line.Length == 0 && batch.TryLineNumber(order.Row, out number);
        // A copy of an order line is held through its data issues, as a field read wrong is: one mechanism says why.
        if (batch.Duplicates.IssueOf(order, number) is { } duplicate)
            order = order with { Issues = order.Issues.Add(duplicate) };
        if (numbered)
            order = order with { Line = number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var facts = _facts.Build(order, asOf);
        var planned = batch.Volumes.TryFind(facts.Row, out var consigneeBefore, out var countryBefore, out var consumes);
        var state = State(facts, consigneeBefore, countryBefore);
        facts.Volume = view(state, state.ConsigneeYearFits, state.CountryAllocationFits);
        return (facts, state, planned, consumes);
    }

    private VolumeState State(LineFacts facts, decimal consigneeBefore, decimal countryBefore)
    {
        var limits = Pack.Volumes;
        var volume = facts.Chip.Tpp * facts.Chip.ChipsPerUnit * facts.Quantity;
        var hasAllocation = facts.Destination.Known && limits.AllocationTiers.Contains(facts.Destination.Tier);
        var period = hasAllocation ? limits.PeriodOf(facts.ShipDate) : null;
        return new VolumeState(volume, consigneeBefore, limits.ConsigneeYearLimit, hasAllocation, period?.Id ?? "", countryBefore, period is null ? 0 : limits.AllocationLimit);
    }

    private LineDecision ToDecision(LineFacts facts, Verdict verdict, VolumeState state)
    {
        var rules = Pack.Rules;
        var reasons = new Reason[verdict.Fired.Length + verdict.EngineReasons.Length];
        var n = 0;
        Reason? unwritten = null;
        foreach (var i in verdict.Fired)
        {
            var rule = rules.Rules[i];
            string message;
            try
            {
                message = rules.Message(i, facts);
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                // A message whose placeholder fails on this line's values (a bad format, a division by zero): the rule fired,
                // but the reason a reviewer would read cannot be written, so the line is held, as for a rule that fails.
                message = $"(its message could not be written: {failure.GetType().Name}: {failure.Message})";
                unwritten ??= new Reason(LineEvaluator.EvaluationFailed, Decision.Hold, null, "ChipScreen fail-closed policy",
                    $"{facts.Order.Where}: the message of rule {rule.Id} could not be written ({failure.GetType().Name}: {failure.Message}); a person must review this line");
            }
            reasons[n++] = new Reason(rule.Id, rule.Decision, rule.Exception, rule.Citation, message);
        }
        foreach (var reason in verdict.EngineReasons)
            reasons[n++] = reason;
        if (unwritten is not null)
        {
            reasons = [.. reasons, unwritten];
            verdict = verdict with { Decision = Decision.Hold, Exception = null, Consumes = ConsumptionMask.None };
        }

        var consigneeYear = (verdict.Consumes & ConsumptionMask.ConsigneeYear) != 0;
        var countryAllocation = (verdict.Consumes & ConsumptionMask.CountryAllocation) != 0 && state.AllocationPeriod.Length > 0;
        var consumed = s_consumed[(consigneeYear ? 1 : 0) | (countryAllocation ? 2 : 0)];

        var destination = facts.Destination;
        Classification.Eccn? eccn = Classification.Eccn.TryParse(facts.Eccn, out var e) ? e : null;
        var volume = new VolumeOutcome(state.LineVolume, verdict.DependsOnVolume, state.ConsigneeYearBefore, state.CountryAllocationBefore, state.AllocationPeriod, consumed);
        var derived = new DecisionFacts(
            facts.Chip.Sku, facts.Chip.Tpp, facts.Chip.HasDieArea ? facts.Chip.DieAreaMm2 : null, facts.Chip.HasDieArea ? facts.Chip.Pd : null,
            facts.Chip.Datacenter, facts.Chip.ChipsPerUnit, facts.Quantity, facts.ClassBasis, facts.ShipTo.Code, facts.Hq.Code,
            destination.Groups, facts.ShipDate, facts.Consignee, volume,
            facts.DataIssues.Count == 0 ? [] : [.. facts.DataIssues.Select(d => d.Message)])
        {
            PartyMatches = facts.Parties.ForDecision,
            ClassUnknown = facts.ClassUnknown,
        };
        return new LineDecision(facts.Row, facts.OrderId, facts.Order.Line, verdict.Decision, verdict.Exception, eccn,
            destination.Known ? destination.Tier : null, destination.Code, ImmutableCollectionsMarshal.AsImmutableArray(reasons), derived, facts.Order);
    }

    /// <summary>The accounts a line consumes, by mask (1: consignee year, 2: country allocation), shared by every line.</summary>
    private static readonly ImmutableArray<VolumeAccount>[] s_consumed =
        [[], [VolumeAccount.ConsigneeYear], [VolumeAccount.CountryAllocation], [VolumeAccount.ConsigneeYear, VolumeAccount.CountryAllocation]];
}
