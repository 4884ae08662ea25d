using ChipScreen.Bench;

return args.FirstOrDefault() switch
{
    "generate" when args.Length >= 3 => Generator.Run(args[1..]),
    "generate-list" when args.Length >= 3 => ListGenerator.Run(args[1..]),
    "screen" when args.Length >= 2 => ScreenBench.Run(args[1..]),
    "ledger" => LedgerBench.Run(args[1..]),
    "names" => NamesBench.Run(args[1..]),
    "latency" => await ServiceBench.InProcessAsync(args[1..]),
    "http" => await ServiceBench.HttpAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          ChipScreen.Bench generate LINES FILE [--seed N] [--names N] [--company-names]
                                                                  write a synthetic orders batch (company-like end-user names
                                                                  with --company-names, a few of them variants of listed parties)
          ChipScreen.Bench generate-list ENTRIES FILE [--seed N] [--overlap]
                                                                  write a synthetic internal deny list (ChipScreen's JSON format;
                                                                  with --overlap its brands are the orders' own, a stress test)
          ChipScreen.Bench screen FILE [--rules DIR] [--as-of DATE] [--list FILE]... [--pairs N | --runs N | --phase alone|full]
                                                                  screen it end to end; print lines/s and peak memory
                                                                  (by default, or with --pairs N, 5 or N runs of screening alone
                                                                  and of the full run in fresh processes, alternately, and the
                                                                  medians; with --runs N, N pairs in this process; with --phase,
                                                                  only screening alone or only the full run)
          ChipScreen.Bench names [--names N] [--seed N] [--rules DIR] [--list FILE]...
                                                                  match N distinct company names against the lists; print names/s
          ChipScreen.Bench ledger [--lines N] [--ledger PATH|CONNECTION-STRING] [--rules DIR]
                                                                  commit N consuming lines (default 100,000) to a fresh ledger, then again
          ChipScreen.Bench latency [--rules DIR] [--count N]             single-order latency in-process (IOrderScreener)
          ChipScreen.Bench http [--rules DIR] [--rate N] [--seconds N]   HTTP on loopback at a steady rate (default 1,000/s)
        """);
    return 2;
}
