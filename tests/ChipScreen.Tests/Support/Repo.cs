namespace ChipScreen.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Samples => Path.Combine(Root, "sample-orders");

    public static string Data => Path.Combine(Root, "tests", "data");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChipScreen.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ChipScreen.sln not found above " + AppContext.BaseDirectory);
    }
}
