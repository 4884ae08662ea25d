using ChipScreen.Reports;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

/// <summary>Large outputs are written and read past the page cache in whole aligned blocks; the files must hold exactly the
/// bytes written, whatever their length, with direct I/O and without.</summary>
public class DirectFileTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(DirectFile.Block - 1)]
    [InlineData(DirectFile.Block)]
    [InlineData(DirectFile.Block + 1)]
    [InlineData(DirectFile.BufferSize - 1)]
    [InlineData(DirectFile.BufferSize)]
    [InlineData(DirectFile.BufferSize + 1)]
    [InlineData(3 * DirectFile.BufferSize + DirectFile.Block + 17)]
    public void AFile_HoldsExactlyTheBytesWritten_WithAndWithoutDirectIO(int length)
    {
        using var dir = new TempDir();
        var expected = new byte[length];
        new Random(length).NextBytes(expected);
        foreach (var direct in new[] { true, false })
        {
            var path = dir.File($"out-{direct}.bin");
            var writer = DirectFile.CreateHashed(path, direct);
            using (writer)
            {
                if (!direct)
                    Assert.False(writer.IsDirect);
                // Pieces of every size, as records come.
                var random = new Random(7);
                for (var at = 0; at < length;)
                {
                    var n = Math.Min(length - at, random.Next(1, 70_000));
                    writer.Write(expected.AsSpan(at, n));
                    at += n;
                    writer.Flush();
                }
                Assert.Equal(length, writer.Length);
            }
            Assert.Equal(expected, File.ReadAllBytes(path));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(expected)), writer.Sha256);
        }
    }

    [Fact]
    public void OnLinux_TheFileIsWrittenPastThePageCache()
    {
        using var dir = new TempDir();
        if (!OperatingSystem.IsLinux() || FileSystemOf(dir.Path) is not ("ext4" or "xfs"))
            return; // others may refuse direct I/O, and the writer falls back (tested above)
        using var writer = DirectFile.Create(dir.File("out.bin"));
        Assert.True(writer.IsDirect, $"no direct I/O in {dir.Path}");
    }

    /// <summary>The type of the file system <paramref name="path"/> is on (the longest mount point that holds it).</summary>
    private static string FileSystemOf(string path) =>
        File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2 && path.StartsWith(f[1], StringComparison.Ordinal))
            .OrderByDescending(f => f[1].Length).Select(f => f[2]).FirstOrDefault() ?? "";

    [Fact]
    public void CreatingAFile_ReplacesWhatWasThere()
    {
        using var dir = new TempDir();
        var path = dir.File("out.bin");
        File.WriteAllBytes(path, new byte[3 * DirectFile.Block]);
        using (var writer = DirectFile.Create(path))
            writer.Write("short"u8);
        Assert.Equal("short"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void TheHash_IsKnownOnlyOnceTheFileIsComplete_AndOnlyWhenAsked()
    {
        using var dir = new TempDir();
        var hashed = DirectFile.CreateHashed(dir.File("a.bin"));
        hashed.Write(new byte[10]);
        Assert.Throws<InvalidOperationException>(() => hashed.Sha256);
        hashed.Dispose();
        Assert.Equal(64, hashed.Sha256.Length);
        var plain = DirectFile.Create(dir.File("b.bin"));
        plain.Dispose();
        Assert.Throws<InvalidOperationException>(() => plain.Sha256);
    }

    [Fact]
    public async Task AFailingDisk_FailsTheWrite_AndDisposingDoesNotHang()
    {
        if (!File.Exists("/dev/full"))
            return; // Linux only: a device every write to fails with "no space left"
        var writer = DirectFile.CreateHashed("/dev/full");
        var data = new byte[DirectFile.BufferSize];
        Assert.ThrowsAny<IOException>(() =>
        {
            for (var i = 0; i < 4; i++)
                writer.Write(data);
        });
        await WithinTenSeconds(() => Assert.ThrowsAny<IOException>(writer.Dispose));
    }

    [Fact]
    public async Task AFailingWriteOnTheWritersThread_IsThrownToTheCaller_AndNothingIsWrittenAfterIt()
    {
        using var dir = new TempDir();
        var path = dir.File("out.bin");
        var writer = DirectFile.CreateHashed(path);
        var data = new byte[DirectFile.BufferSize];
        writer.Write(data); // the first buffer goes out on this thread
        Assert.Equal(DirectFile.BufferSize, new FileInfo(path).Length);
        writer.Handle.Dispose(); // every later write, on the writer's thread, fails
        var failure = await WithinTenSeconds(() => Record.Exception(() =>
        {
            for (var i = 0; i < 2 * DirectFile.Writer.Buffers; i++)
                writer.Write(data);
        }));
        Assert.IsType<ObjectDisposedException>(failure); // within one turn of the ring
        await WithinTenSeconds(() => Assert.ThrowsAny<ObjectDisposedException>(writer.Dispose));
        Assert.Equal(DirectFile.BufferSize, new FileInfo(path).Length);
        Assert.Throws<InvalidOperationException>(() => writer.Sha256); // no hash of a file that was not all written
    }

    /// <summary>Runs <paramref name="work"/> on another thread and fails if it has not returned within ten seconds (a writer
    /// that hangs).</summary>
    private static async Task<T> WithinTenSeconds<T>(Func<T> work)
    {
        var running = Task.Run(work);
        Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(10))));
        return await running;
    }

    [Fact]
    public void AMissingDirectory_FailsAsUsual()
    {
        using var dir = new TempDir();
        Assert.Throws<DirectoryNotFoundException>(() => DirectFile.Create(dir.File("missing/out.bin")).Dispose());
    }
}
