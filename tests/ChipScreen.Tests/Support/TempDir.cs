namespace ChipScreen.Tests.Support;

/// <summary>A temporary directory, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chipscreen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A copy of the repository's rules directory, to break on purpose.</summary>
    public static TempDir WithRules()
    {
        var dir = new TempDir();
        Copy(Repo.Rules, System.IO.Path.Combine(dir.Path, "rules"));
        return dir;
    }

    public string Rules => System.IO.Path.Combine(Path, "rules");

    /// <summary>Replaces text in a file of the copied rules; fails if the text is not there.</summary>
    public void Edit(string relativePath, string find, string replace)
    {
        var path = System.IO.Path.Combine(Rules, relativePath);
        var text = System.IO.File.ReadAllText(path);
        Assert.Contains(find, text);
        System.IO.File.WriteAllText(path, text.Replace(find, replace));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }
}
