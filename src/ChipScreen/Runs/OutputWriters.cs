using System.Collections.Concurrent;
using ChipScreen.Reports;

namespace ChipScreen.Runs;

/// <summary>Writes the records of a run's outputs (decisions.csv, audit.jsonl, report.html rows) on one thread per
/// output, so writing and hashing ~1.5 KB per line does not hold up the thread that takes decisions in order.</summary>
/// <remarks>Records go to every writer in batches, in order; each queue is bounded, so memory stays flat. When every
/// writer is done with a batch, its records' buffers go back to their pool.</remarks>
internal sealed class OutputWriters : IDisposable
{
    private const int BatchSize = 256;
    private readonly (BlockingCollection<Batch> Queue, Task Task)[] _writers;
    private FormattedDecision[] _batch = new FormattedDecision[BatchSize];
    private int _count;

    /// <summary>Starts one writer per action; each action writes one record and runs on its own thread.</summary>
    public OutputWriters(params Action<FormattedDecision>[] writers)
    {
        _writers = writers.Select(write =>
        {
            var queue = new BlockingCollection<Batch>(boundedCapacity: 4);
            var task = Task.Factory.StartNew(() =>
            {
                foreach (var batch in queue.GetConsumingEnumerable())
                {
                    foreach (var record in batch.Records)
                    {
                        if (record is null)
                            break;
                        write(record);
                    }
                    batch.Done();
                }
            }, TaskCreationOptions.LongRunning);
            return (queue, task);
        }).ToArray();
    }

    /// <summary>Queues a record for every output.</summary>
    public void Add(FormattedDecision record)
    {
        _batch[_count++] = record;
        if (_count == BatchSize)
            Flush();
    }

    /// <summary>Queues what is left and waits until every writer is done; rethrows a writer's failure.</summary>
    public void Complete()
    {
        Flush();
        foreach (var (queue, _) in _writers)
            queue.CompleteAdding();
        Task.WaitAll(_writers.Select(w => w.Task).ToArray());
    }

    private void Flush()
    {
        if (_count == 0)
            return;
        var records = _batch;
        if (_count < BatchSize)
            Array.Clear(records, _count, BatchSize - _count);
        var batch = new Batch(records, _writers.Length);
        foreach (var (queue, task) in _writers)
        {
            if (task.IsFaulted)
                task.GetAwaiter().GetResult();
            queue.Add(batch);
        }
        _batch = new FormattedDecision[BatchSize];
        _count = 0;
    }

    /// <summary>Records every writer writes; the last writer to finish releases them.</summary>
    private sealed class Batch(FormattedDecision[] records, int writers)
    {
        private int _pending = writers;

        public FormattedDecision[] Records => records;

        public void Done()
        {
            if (Interlocked.Decrement(ref _pending) != 0)
                return;
            foreach (var record in records)
            {
                if (record is null)
                    break;
                record.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var (queue, task) in _writers)
        {
            queue.CompleteAdding();
            try { task.Wait(); } catch (AggregateException) { }
            queue.Dispose();
        }
    }
}
