using System.Collections.Concurrent;

namespace ChipScreen.Screening;

/// <summary>Maps a stream in batches on several threads and yields each batch's result in input order, with a bounded
/// window.</summary>
/// <remarks>
/// Three stages run at once: a producer thread enumerates the source and cuts it into batches, pool threads map
/// the batches, and the caller's thread takes the results in order. At most <c>2 x degree</c> batches are in
/// flight, so memory stays flat however long the stream is. An exception from the source or a batch is thrown to
/// the caller after the results before it.
/// </remarks>
internal static class OrderedParallel
{
    /// <summary>The items in a batch.</summary>
    public const int BatchSize = 256;

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
        using var queue = new BlockingCollection<Task<TOut>>(boundedCapacity: degree * 2);
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
