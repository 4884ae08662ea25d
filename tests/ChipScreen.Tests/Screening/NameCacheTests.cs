using ChipScreen.Screening;

namespace ChipScreen.Tests.Screening;

/// <summary>The batch's cache of party names: one value per name, however many threads ask, within its limit.</summary>
public class NameCacheTests
{
    private sealed record Value(string Name);

    [Fact]
    public void EqualNames_GetTheSameValue_AndDifferentNamesDifferentOnes()
    {
        var cache = new NameCache<Value>(100);
        var first = cache.GetOrAdd(new string("Lake Compute Ltd".AsSpan()), n => new Value(n));
        var again = cache.GetOrAdd(new string("Lake Compute Ltd".AsSpan()), _ => throw new InvalidOperationException("made twice"));
        var other = cache.GetOrAdd("Lake Compute Ltd.", n => new Value(n));
        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GrowingKeepsEveryEntry()
    {
        var cache = new NameCache<Value>(100_000);
        var values = Enumerable.Range(0, 50_000).Select(i => cache.GetOrAdd($"Buyer {i:D5} Co., Ltd.", n => new Value(n))).ToArray();
        Assert.Equal(50_000, cache.Count);
        for (var i = 0; i < values.Length; i++)
            Assert.Same(values[i], cache.GetOrAdd($"Buyer {i:D5} Co., Ltd.", _ => throw new InvalidOperationException($"lost {i}")));
    }

    [Fact]
    public void AtItsLimit_ItStillAnswers_ButRemembersNothingNew()
    {
        var cache = new NameCache<Value>(3);
        var kept = cache.GetOrAdd("a", n => new Value(n));
        cache.GetOrAdd("b", n => new Value(n));
        cache.GetOrAdd("c", n => new Value(n));
        var first = cache.GetOrAdd("d", n => new Value(n));
        var second = cache.GetOrAdd("d", n => new Value(n));
        Assert.Equal("d", first.Name);
        Assert.NotSame(first, second);
        Assert.Equal(3, cache.Count);
        Assert.Same(kept, cache.GetOrAdd("a", _ => throw new InvalidOperationException("forgotten")));
    }

    [Fact]
    public void ThreadsAskingAtOnce_AllGetOneValuePerName()
    {
        var cache = new NameCache<Value>(1 << 20);
        const int names = 5_000, threads = 4;
        var seen = new Value[threads][];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = new Value[names];
            start.SignalAndWait();
            // Every thread asks for the same new names at the same time, and making a value takes a while: most names
            // are made by several threads at once, and one of them must win.
            for (var i = 0; i < names; i++)
                mine[i] = cache.GetOrAdd(new string($"Party {i}".AsSpan()), n => { Thread.SpinWait(2_000); return new Value(n); });
            seen[t] = mine;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.Equal(names, cache.Count);
        for (var i = 0; i < names; i++)
        {
            Assert.Equal($"Party {i}", seen[0][i].Name);
            for (var t = 1; t < threads; t++)
                Assert.Same(seen[0][i], seen[t][i]);
        }
    }
}
