using System.Collections.Concurrent;

namespace ChipScreen.Screening;

/// <summary>Maps a stream in batches on several threads and yields each batch's result in input order, with a bounded
/// window.</summary>
/// <remarks>
/// Three stages run at once: a producer thread enumerates the source and cuts it into batches, pool threads map
/// the batches, and the caller's thread takes the results in order. At most <see cref="Window"/> batches are in
/// flight, so memory stays flat however long the stream is. An exception from the source or a batch is thrown to
/// the caller after the results before it.
/// </remarks>
internal static class OrderedParallel
{
    /// <summary>The items in a batch.</summary>
    public const int BatchSize = 256;

    /// <summary>The batches in flight on <paramref name="degree"/> threads: two per thread, and at least eight, so that on a
    /// few cores a batch that takes longer (a new name to match, a line that waits for memory) does not stop the others.
    /// Measured on two cores, 1,000,000 lines in fresh processes, ten alternating runs each: eight instead of four made
    /// screening alone 3% faster (medians 2.98 s against 3.08 s, 0.2 s less CPU) and the full run 1.5% (4.47 s against
    /// 4.54 s), with fewer collections (about 90 instead of 110).</summary>
    internal static int Window(int degree) => Math.Max(degree * 2, 8);

    /// <summary>Maps <paramref name="source"/> in batches of <see cref="BatchSize"/> on <paramref name="degree"/> threads (-1
    /// for one per processor, 1 for the caller's thread alone).</summary>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn[], TOut> work, int degree)
    {
        if (degree < 1)
            degree = Environment.ProcessorCount;
        if (degree == 1)
        {
            foreach (var chunk in source.Chunk(BatchSize))
                yield return work(chunk);
            yield break;
        }

        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<Task<TOut>>(boundedCapacity: Window(degree));
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var chunk in source.Chunk(BatchSize))
                    queue.Add(Task.Run(() => work(chunk)), stop.Token);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                queue.Add(Task.FromException<TOut>(e));
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, TaskCreationOptions.LongRunning);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                yield return batch.GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early or failed: stop the producer, then let running batches finish before the source goes away.
            stop.Cancel();
            foreach (var batch in queue.GetConsumingEnumerable())
                try { batch.Wait(); } catch (AggregateException) { }
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }
}
