using System.Text.Json.Nodes;
using ChipScreen.Runs;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Runs;

/// <summary>verify: one changed byte in an output, the input or a rule file, or a run removed from the audit log, fails
/// and names what differs.</summary>
public class RunVerifierTests
{
    private static readonly DateOnly AsOf = new(2025, 9, 30);

    /// <summary>A run of a copy of a sample, under a copy of the rules, into out/.</summary>
    private static (TempDir Dir, string Out, string Input) Screened()
    {
        var dir = TempDir.WithRules();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")));
        var request = new RunRequest(input, dir.Rules, null, AsOf, dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        return (dir, dir.File("out"), input);
    }

    private static VerificationResult Verify(string output) => new RunVerifier(TimeProvider.System).Verify(output);

    private static void FlipOneByte(string path, int at = 200)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[Math.Min(at, bytes.Length - 2)] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    private static void FailsNaming(VerificationResult result, string name)
    {
        Assert.False(result.Holds);
        Assert.Contains(result.Failures, f => f.Subject.EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void IntactRun_Verifies()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var result = Verify(output);
            Assert.True(result.Holds, string.Join("\n", result.Checks));
            Assert.Contains(result.Checks, c => c.Detail.StartsWith("reproduced by re-screening", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ARunLoggedElsewhere_VerifiesWithTheLogItRecorded_AndAMovedLogIsNamed()
    {
        using var dir = TempDir.WithRules();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")));
        var log = dir.File("logs/all-runs.jsonl");
        var request = new RunRequest(input, dir.Rules, null, AsOf, dir.File("out"), log);
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        Assert.Equal(log, JsonNode.Parse(File.ReadAllText(dir.File("out/report.json")))!["audit_log"]!.GetValue<string>());
        Assert.False(File.Exists(dir.File("out/audit-log.jsonl")));

        var result = Verify(dir.File("out"));
        Assert.True(result.Holds, string.Join("\n", result.Checks));
        var lastHash = File.ReadAllText(log).TrimEnd()[^66..^2];
        Assert.Contains(result.Checks, c => c.Subject == log && c.Detail == $"chain of 1 run intact, ending with hash {lastHash}");

        var moved = dir.File("archive/all-runs.jsonl");
        Directory.CreateDirectory(dir.File("archive"));
        File.Move(log, moved);
        var failure = Assert.Single(Verify(dir.File("out")).Failures);
        Assert.Equal((log, "the audit log the run recorded is not there (--audit-log names where it is now)"), (failure.Subject, failure.Detail));
        Assert.True(new RunVerifier(TimeProvider.System).Verify(dir.File("out"), auditLogPath: moved).Holds);
    }

    [Fact]
    public void ARunLoggedBesideItsOutputs_RecordsNoAuditLogPath()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))!.AsObject();
            Assert.True(report.TryGetPropertyValue("audit_log", out var log));
            Assert.Null(log); // audit-log.jsonl beside the outputs: the directory can move with its log
        }
    }

    [Fact]
    public void AMovedInput_IsNotReScreened_SaysWhy_AndReScreensWhereItWasMoved()
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var moved = dir.File("archive-orders.csv");
            File.Move(input, moved);

            var partial = Verify(output);
            Assert.True(partial.Holds, string.Join("\n", partial.Checks)); // nothing differs...
            Assert.False(partial.Rescreened); // ...but the decisions were not reproduced
            Assert.Contains(partial.Skipped, c => c.Subject == input && c.Detail.Contains("cannot be re-screened", StringComparison.Ordinal));

            var full = new RunVerifier(TimeProvider.System).Verify(output, inputPath: moved);
            Assert.True(full.Holds, string.Join("\n", full.Checks));
            Assert.True(full.Rescreened);
            Assert.Empty(full.Skipped);
            Assert.Contains(full.Checks, c => c.Detail.StartsWith("reproduced by re-screening", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AnInputGivenInPlaceOfTheRecordedOne_MustBeTheSameBytes()
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var other = dir.Write("other.csv", File.ReadAllText(input).Replace("\n", "\r\n", StringComparison.Ordinal));
            var result = new RunVerifier(TimeProvider.System).Verify(output, inputPath: other);
            FailsNaming(result, "other.csv");
            Assert.False(result.Rescreened);
        }
    }

    [Theory]
    [InlineData("decisions.csv")]
    [InlineData("audit.jsonl")]
    [InlineData("report.json")]
    [InlineData("report.html")]
    public void OneChangedByteInAnOutput_FailsNamingIt(string file)
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            FlipOneByte(Path.Combine(output, file));
            FailsNaming(Verify(output), file);
        }
    }

    [Theory]
    [InlineData("\"run_id\":", "\"run_idx\":", "no \"run_id\"")]
    [InlineData("\"before\":", "\"benullfore\":", "no \"before\"")] // a recorded volume, read only to re-screen
    public void AReportJsonWithoutAMemberItRecords_IsNamed_NotAnUnexpectedFailure(string member, string changed, string message)
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var report = Path.Combine(output, "report.json");
            var text = File.ReadAllText(report);
            Assert.Contains(member, text);
            File.WriteAllText(report, text.Replace(member, changed, StringComparison.Ordinal));
            var failure = Assert.Single(Verify(output).Failures);
            Assert.Equal(report, failure.Subject);
            Assert.StartsWith($"changed since the run: {message} where it was recorded (the audit log records run ", failure.Detail, StringComparison.Ordinal);

            File.Delete(Path.Combine(output, "audit-log.jsonl")); // nothing records a run here
            var e = Assert.Throws<ChipScreen.Orders.OrderFileException>(() => Verify(output));
            Assert.Equal($"{report}: not a ChipScreen report ({message} where it was recorded)", e.Message);
        }
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("deleted")]
    [InlineData("dangling symlink")]
    public void AReportJsonThatCannotBeRead_IsNamed_AndTheChecksTheLogAllowsStillRun(string how)
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var report = Path.Combine(output, "report.json");
            var decisions = Path.Combine(output, "decisions.csv");
            File.WriteAllText(decisions, File.ReadAllText(decisions).Replace("SO-250724,1,PROHIBITED", "SO-250724,1,NLR", StringComparison.Ordinal));
            switch (how)
            {
                case "damaged":
                    File.WriteAllText(report, "x" + File.ReadAllText(report));
                    break;
                case "deleted":
                    File.Delete(report);
                    break;
                default:
                    File.Delete(report);
                    File.CreateSymbolicLink(report, dir.File("nowhere"));
                    break;
            }
            var result = Verify(output);
            Assert.False(result.Holds);
            var named = Assert.Single(result.Failures, f => f.Subject == report);
            Assert.StartsWith(how == "damaged" ? "changed since the run: not valid JSON at line 1, column 1 (" : "missing (the audit log records run ", named.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("BytePosition", named.Detail, StringComparison.Ordinal);
            Assert.Contains(result.Failures, f => f.Subject == decisions && f.Detail.StartsWith("changed since the run", StringComparison.Ordinal));
            Assert.Contains(result.Checks, c => c.Subject.EndsWith("audit.jsonl", StringComparison.Ordinal) && c.Status == CheckStatus.Ok);
            Assert.Contains(result.Checks, c => c.Subject == input && c.Status == CheckStatus.Ok);
            Assert.Contains(result.Checks, c => c.Subject.EndsWith("audit-log.jsonl", StringComparison.Ordinal) && c.Status == CheckStatus.Ok);
            Assert.Contains(result.Skipped, c => c.Detail.Contains("report.json, which records them, cannot be read", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OneChangedByteInTheInput_FailsNamingIt()
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            FlipOneByte(input);
            FailsNaming(Verify(output), "orders.csv");
        }
    }

    [Fact]
    public void OneChangedByteInARuleFile_FailsNamingIt()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var tiers = Path.Combine(dir.Rules, "ai-diffusion-2025", "tiers.json");
            FlipOneByte(tiers, 20);
            FailsNaming(Verify(output), "ai-diffusion-2025/tiers.json");
        }
    }

    [Fact]
    public void EveryChangedOrMissingRuleFile_IsNamed_NotOnlyTheFirst()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            FlipOneByte(Path.Combine(dir.Rules, "ai-diffusion-2025", "tiers.json"), 20);
            FlipOneByte(Path.Combine(dir.Rules, "catalog", "chips.json"), 20);
            File.Delete(Path.Combine(dir.Rules, "lists", "entity-list-ai-chips.json"));
            var result = Verify(output);
            FailsNaming(result, "ai-diffusion-2025/tiers.json");
            FailsNaming(result, "catalog/chips.json");
            FailsNaming(result, "lists/entity-list-ai-chips.json");
            Assert.Contains(result.Failures, f => f.Subject.EndsWith("entity-list-ai-chips.json", StringComparison.Ordinal) && f.Detail == "rule file missing");
        }
    }

    [Fact]
    public void ARulesDirectoryWithNoneOfTheRunsFiles_IsNamedOnce()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var empty = dir.File("empty-rules");
            Directory.CreateDirectory(empty);
            var result = new RunVerifier(TimeProvider.System).Verify(output, rulesDirectory: empty);
            var failure = Assert.Single(result.Failures);
            Assert.Equal(empty, failure.Subject);
            Assert.StartsWith("none of the ", failure.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("decisions.csv")]
    [InlineData("audit.jsonl")]
    [InlineData("report.html")]
    [InlineData("audit-log.jsonl")]
    [InlineData("input")]
    [InlineData("rule")]
    public void ADanglingSymlinkInPlaceOfAFile_IsTreatedAsMissing_AndTheOtherChecksRun(string which)
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var path = which switch
            {
                "input" => input,
                "rule" => Path.Combine(dir.Rules, "catalog", "chips.json"),
                _ => Path.Combine(output, which),
            };
            File.Delete(path);
            File.CreateSymbolicLink(path, dir.File("nowhere"));
            var result = Verify(output);
            Assert.Contains(result.Checks, c => c.Subject == path && c.Status != CheckStatus.Ok);
            Assert.Contains(result.Checks, c => c.Subject.EndsWith(which == "decisions.csv" ? "audit.jsonl" : "decisions.csv", StringComparison.Ordinal));
            if (which != "input")
                FailsNaming(result, Path.GetFileName(path));
        }
    }

    [Fact]
    public void DecisionsThatAreNotReproduced_FailNamingTheLine()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            // A changed decision fails the hash check, and re-screening names the line that is not reproduced.
            var decisions = Path.Combine(output, "decisions.csv");
            var text = File.ReadAllText(decisions).Replace("SO-250724,1,PROHIBITED", "SO-250724,1,NLR");
            File.WriteAllText(decisions, text);
            var result = Verify(output);
            Assert.False(result.Holds);
            Assert.Contains(result.Failures, f => f.Detail.Contains("not reproduced by re-screening") && f.Detail.Contains("line "));
        }
    }

    [Fact]
    public void RemovingARunFromTheAuditLog_Fails()
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var screening = new FileScreening(TimeProvider.System);
            foreach (var _ in Enumerable.Range(0, 2))
            {
                var request = new RunRequest(input, dir.Rules, null, AsOf, output);
                screening.Run(request, screening.LoadPack(request));
            }
            var log = Path.Combine(output, "audit-log.jsonl");
            var lines = File.ReadAllLines(log);
            Assert.Equal(3, lines.Length);
            Assert.True(Verify(output).Holds);

            File.WriteAllLines(log, [lines[0], lines[2]]); // the middle run is removed
            var result = Verify(output);
            Assert.False(result.Holds);
            Assert.Contains(result.Failures, f => f.Detail.Contains("a run was removed"));
        }
    }

    [Fact]
    public void RemovingTheVerifiedRunFromTheEndOfTheLog_Fails()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            File.WriteAllText(Path.Combine(output, "audit-log.jsonl"), "");
            FailsNaming(Verify(output), "audit-log.jsonl");
        }
    }

    [Theory]
    [InlineData("no final line feed", ": does not end with a newline")]
    [InlineData("CR LF line ends", ":1: ends with CR")]
    [InlineData("a byte-order mark", ": starts with a byte-order mark")]
    [InlineData("an empty line appended", ":2: empty line")]
    [InlineData("an empty line inserted", ":1: empty line")]
    public void ALogWithAByteChangedOutsideTheRecords_FailsNamingTheLine_AndIsStillExtendedByTheNextRun(string variant, string problem)
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var log = Path.Combine(output, "audit-log.jsonl");
            var text = File.ReadAllText(log);
            File.WriteAllText(log, variant switch
            {
                "no final line feed" => text.TrimEnd('\n'),
                "CR LF line ends" => text.Replace("\n", "\r\n", StringComparison.Ordinal),
                "an empty line appended" => text + "\n",
                "an empty line inserted" => "\n" + text,
                _ => "\uFEFF" + text,
            }, new System.Text.UTF8Encoding(false));
            var result = Verify(output);
            Assert.False(result.Holds, variant);
            var failure = Assert.Single(result.Failures);
            Assert.Equal(log, failure.Subject);
            Assert.Equal(log + problem, failure.Detail[..(log.Length + problem.Length)]);

            // A later screening still appends to it (verify, not screen, reports the damage), and both runs are found.
            var second = dir.File("out2");
            var request = new RunRequest(input, dir.Rules, null, AsOf, second, log);
            var screening = new FileScreening(TimeProvider.System);
            screening.Run(request, screening.LoadPack(request));
            foreach (var run in new[] { output, second })
            {
                var after = Verify(run);
                Assert.True(after.Rescreened);
                Assert.All(after.Failures, f => Assert.Equal(log, f.Subject));
                Assert.DoesNotContain(after.Failures, f => f.Detail.Contains("is not in the audit log", StringComparison.Ordinal));
            }
            Assert.Equal(2, File.ReadAllLines(log).Count(l => l.Trim().Length > 0));
        }
    }

    [Fact]
    public void ALogWhoseFinalLineFeedWasRemoved_IsWholeAgainAfterTheNextRun()
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var log = Path.Combine(output, "audit-log.jsonl");
            File.WriteAllText(log, File.ReadAllText(log).TrimEnd('\n'));
            var request = new RunRequest(input, dir.Rules, null, AsOf, dir.File("out2"), log);
            var screening = new FileScreening(TimeProvider.System);
            screening.Run(request, screening.LoadPack(request));
            Assert.True(Verify(output).Holds, string.Join("\n", Verify(output).Checks));
        }
    }

    /// <summary>The log of three runs into out/.</summary>
    private static string[] ThreeRuns(TempDir dir, string output, string input)
    {
        var screening = new FileScreening(TimeProvider.System);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var request = new RunRequest(input, dir.Rules, null, AsOf, output);
            screening.Run(request, screening.LoadPack(request));
        }
        return File.ReadAllLines(Path.Combine(output, "audit-log.jsonl"));
    }

    [Fact]
    public void ADuplicatedLogLine_IsNamedAsARunThatAppearsTwice_AndTheNextLineIsNotBlamed()
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var lines = ThreeRuns(dir, output, input);
            var log = Path.Combine(output, "audit-log.jsonl");
            File.WriteAllLines(log, [lines[0], lines[1], lines[1], lines[2]]);
            var failure = Assert.Single(Verify(output).Failures);
            Assert.Equal($"{log}:3: repeats line 2 (the same run appears twice)", failure.Detail);
        }
    }

    [Theory]
    [InlineData("  ", ":2: has blanks before or after the run's record")]
    [InlineData(",\"x\":1", ":2: has \",\"x\":1\" after its hash")]
    public void BytesAddedAfterARecord_AreNamedOnThatLine_AndTheNextLineIsNotBlamed(string added, string problem)
    {
        var (dir, output, input) = Screened();
        using (dir)
        {
            var lines = ThreeRuns(dir, output, input);
            var log = Path.Combine(output, "audit-log.jsonl");
            lines[1] = added.StartsWith(',') ? lines[1][..^1] + added + "}" : lines[1] + added;
            File.WriteAllLines(log, lines);
            var failure = Assert.Single(Verify(output).Failures);
            Assert.StartsWith(log + problem, failure.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ALogLineWithARepeatedKey_IsNamedAsUnreadable_NotACrash()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var log = Path.Combine(output, "audit-log.jsonl");
            File.WriteAllText(log, File.ReadAllText(log).Replace("\"outputs\":{", "\"outputs\":{\"report.html\":\"x\",", StringComparison.Ordinal));
            var result = Verify(output);
            Assert.Contains(result.Failures, f => f.Subject == log && f.Detail == $"{log}:1: unreadable entry (a key appears twice)");

            var report = Path.Combine(output, "report.json");
            File.WriteAllText(report, File.ReadAllText(report).Replace("\"outputs\": [", "\"outputs\": [{\"path\": \"decisions.csv\", \"sha256\": \"x\"},", StringComparison.Ordinal));
            var notAReport = Assert.Throws<ChipScreen.Orders.OrderFileException>(() => Verify(output));
            Assert.Contains("not a ChipScreen report", notAReport.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EditingARunInTheLog_Fails()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var log = Path.Combine(output, "audit-log.jsonl");
            var text = File.ReadAllText(log);
            var edited = System.Text.RegularExpressions.Regex.Replace(text, "\"lines\":(\\d+)", m => $"\"lines\":{int.Parse(m.Groups[1].Value) - 1}");
            Assert.NotEqual(text, edited);
            File.WriteAllText(log, edited);
            var result = Verify(output);
            Assert.Contains(result.Failures, f => f.Detail.Contains("was changed"));
        }
    }

    /// <summary>A workflow of one rule that fires on no line of the sample: it changes no decision of the run.</summary>
    private const string ExtraWorkflow = """
        { "WorkflowName": "extra", "Rules": [ { "RuleName": "X1", "SuccessEvent": "HOLD", "Expression": "line.Quantity > 1000000000",
          "Properties": { "title": "A rule added after the run", "decision": "HOLD", "citation": "none", "message": "added" } } ] }
        """;

    [Fact]
    public void ARuleFileAddedToThePackSinceTheRun_IsNamed_EvenWhenNoDecisionChanges()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            var added = dir.Write("rules/ai-diffusion-2025/workflows/zz-extra.json", ExtraWorkflow);
            var result = Verify(output);
            Assert.False(result.Holds);
            var failure = Assert.Single(result.Failures);
            Assert.Equal((added, "rule file added to pack ai-diffusion-2025 since the run, which did not read it"), (failure.Subject, failure.Detail));
            Assert.False(result.Rescreened);
        }
    }

    [Fact]
    public void ARuleFileAddedThatBreaksThePack_IsAFailedCheck_AndTheOtherChecksStillRun()
    {
        var (dir, output, _) = Screened();
        using (dir)
        {
            dir.Write("rules/ai-diffusion-2025/workflows/zz-extra.json", ExtraWorkflow.Replace("\"X1\"", "\"P1\"", StringComparison.Ordinal)); // a second P1
            var result = Verify(output);
            var failure = Assert.Single(result.Failures);
            Assert.StartsWith("pack ai-diffusion-2025 cannot be loaded as the rules directory now is: ", failure.Detail, StringComparison.Ordinal);
            Assert.Contains(result.Checks, c => c.Subject.EndsWith("audit-log.jsonl", StringComparison.Ordinal) && c.Status == CheckStatus.Ok);
            Assert.Contains(result.Checks, c => c.Subject.EndsWith("decisions.csv", StringComparison.Ordinal) && c.Status == CheckStatus.Ok);
        }
    }

    [Fact]
    public void AListFileAtARecordedRelativePathThatIsNotThere_IsSkipped_NotFailed()
    {
        using var dir = TempDir.WithRules();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")));
        dir.Write("csl.csv", File.ReadAllText(Path.Combine(Repo.Data, "lists", "csl-sample-2025.csv")));
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, dir.File("csl.csv"));
        var request = new RunRequest(input, dir.Rules, null, AsOf, dir.File("out")) { Lists = [relative] };
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        File.Move(dir.File("csl.csv"), dir.File("csl-moved.csv"));

        var result = Verify(dir.File("out"));
        Assert.True(result.Holds, string.Join("\n", result.Checks));
        Assert.False(result.Rescreened);
        Assert.Contains(result.Checks, c => c.Status == CheckStatus.Skipped && c.Detail.StartsWith("the list file is not there (the run recorded this path relative", StringComparison.Ordinal));
    }

    /// <summary>Screens the distributor sample into <c>out</c> with the CSL sample as an added list (<c>csl.csv</c>); returns the list's path.</summary>
    private static string ScreenWithAList(TempDir dir)
    {
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "distributor-q3-2025.csv")));
        var list = dir.Write("csl.csv", File.ReadAllText(Path.Combine(Repo.Data, "lists", "csl-sample-2025.csv")));
        var request = new RunRequest(input, dir.Rules, null, AsOf, dir.File("out")) { Lists = [list] };
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        return list;
    }

    [Fact]
    public void ARunWithAnAddedList_VerifiesWithIt_AndFailsWhenTheListChanges()
    {
        using var dir = TempDir.WithRules();
        var list = ScreenWithAList(dir);

        var result = Verify(dir.File("out"));
        Assert.True(result.Holds, string.Join("\n", result.Checks));
        Assert.Contains(result.Checks, c => c.Subject == list && c.Status == CheckStatus.Ok);

        FlipOneByte(list, 300);
        FailsNaming(Verify(dir.File("out")), "csl.csv");
    }

    [Theory]
    [InlineData("csl.csv")] // matched by name
    [InlineData("renamed.csv")] // matched by hash
    public void AMovedListFile_IsGivenWithList_AndTheRunIsReScreened(string newName)
    {
        using var dir = TempDir.WithRules();
        var list = ScreenWithAList(dir);
        Directory.CreateDirectory(dir.File("archive"));
        var moved = dir.File("archive/" + newName);
        File.Move(list, moved);

        var result = new RunVerifier(TimeProvider.System).Verify(dir.File("out"), listPaths: [moved]);
        Assert.True(result.Holds, string.Join("\n", result.Checks));
        Assert.True(result.Rescreened, string.Join("\n", result.Checks));
        Assert.Empty(result.Skipped);
        Assert.Contains(result.Checks, c => c.Subject == moved && c.Status == CheckStatus.Ok);

        var other = dir.Write("other.csv", "not the list\n");
        var wrong = new RunVerifier(TimeProvider.System).Verify(dir.File("out"), listPaths: [moved, other]);
        FailsNaming(wrong, "other.csv");

        FlipOneByte(moved, 300);
        FailsNaming(new RunVerifier(TimeProvider.System).Verify(dir.File("out"), listPaths: [moved]), newName);
    }

    [Fact]
    public void TwoRunsOfTheSameBatch_GiveIdenticalOutputsApartFromRunIdAndTimestamps()
    {
        using var dir = TempDir.WithRules();
        var input = dir.Write("orders.csv", File.ReadAllText(Path.Combine(Repo.Samples, "erp-export-2025-11.csv")));
        var screening = new FileScreening(TimeProvider.System);
        foreach (var name in new[] { "one", "two" })
        {
            var request = new RunRequest(input, dir.Rules, null, new DateOnly(2025, 11, 30), dir.File(name));
            screening.Run(request, screening.LoadPack(request));
        }
        foreach (var file in new[] { "decisions.csv", "audit.jsonl" })
            Assert.Equal(File.ReadAllBytes(dir.File($"one/{file}")), File.ReadAllBytes(dir.File($"two/{file}")));

        static string WithoutRun(string path)
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            json.Remove("run_id");
            json.Remove("started_at");
            json.Remove("finished_at");
            return json.ToJsonString();
        }
        Assert.Equal(WithoutRun(dir.File("one/report.json")), WithoutRun(dir.File("two/report.json")));
    }
}
