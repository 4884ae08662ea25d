namespace ChipScreen.Rules;

/// <summary>The folders a pack is built from: the pack itself, then the pack it <c>extends</c>, and so on.</summary>
/// <remarks>
/// A file (<c>tiers.json</c>, <c>classification.json</c>, ...) is taken from the first folder of the chain that has it,
/// so an extending pack holds only what it changes. Workflows merge rule by rule (<see cref="WorkflowMerge"/>).
/// A base pack that is missing, or a chain that loops, is an error at the <c>extends</c> of the pack that names it.
/// </remarks>
internal static class PackChain
{
    /// <summary>The most packs a chain may hold (a pack and the packs beneath it).</summary>
    public const int MaxDepth = 8;

    /// <summary>The pack folders, the pack's own first; <paramref name="read"/> reads (and hashes) each base's <c>pack.json</c>.</summary>
    public static List<string> Resolve(string rulesDirectory, string packDir, PackManifest? manifest, Func<string, JsonSource> read, List<PackError> errors)
    {
        var chain = new List<string> { packDir };
        var ids = new List<string> { Path.GetFileName(packDir) };
        var current = manifest;
        var currentFile = Path.Combine(packDir, "pack.json");
        while (current?.Extends is { } baseId)
        {
            var display = RulePackLoader.Display(rulesDirectory, currentFile);
            if (ids.Contains(baseId, StringComparer.Ordinal))
            {
                errors.Add(Locate(read(currentFile), display, PackErrorCodes.ExtendsInvalid,
                    $"\"extends\": \"{baseId}\" makes a loop ({string.Join(" -> ", ids.Append(baseId))}); a pack may not build on itself"));
                break;
            }
            var baseDir = Path.Combine(rulesDirectory, baseId);
            var baseFile = Path.Combine(baseDir, "pack.json");
            if (!File.Exists(baseFile) || baseId.Contains('/') || baseId.Contains('\\') || baseId.StartsWith('.'))
            {
                var known = RulePackLoader.PackDirectories(rulesDirectory).Select(Path.GetFileName).Where(n => n != ids[0]).ToList();
                errors.Add(Locate(read(currentFile), display, PackErrorCodes.ExtendsInvalid,
                    $"\"extends\": \"{baseId}\" names no pack in this rules directory (packs: {(known.Count == 0 ? "none" : string.Join(", ", known))})"));
                break;
            }
            if (chain.Count == MaxDepth)
            {
                errors.Add(Locate(read(currentFile), display, PackErrorCodes.ExtendsInvalid, $"a pack may build on at most {MaxDepth - 1} others"));
                break;
            }
            chain.Add(baseDir);
            ids.Add(baseId);
            var baseErrors = new List<PackError>();
            current = PackManifest.Read(read(baseFile), baseId, baseErrors);
            errors.AddRange(baseErrors);
            currentFile = baseFile;
        }
        return chain;
    }

    private static PackError Locate(JsonSource file, string display, string code, string message)
    {
        var (line, column) = file.Locate("$.extends");
        return new PackError(display, line, column, null, code, message);
    }
}
