using System.Text;
using System.Text.Json;

namespace ChipScreen.Rules;

/// <summary>A parsed JSON rule file that remembers where each value stands, so errors can name file, line and column.</summary>
/// <remarks>
/// Paths use the form <c>$.chips[3].tpp</c>. <see cref="JsonDocument"/> does not keep positions, so a
/// <see cref="Utf8JsonReader"/> pass records the start of every value by its path.
/// </remarks>
internal sealed class JsonSource
{
    private readonly Dictionary<string, (int Line, int Column)> _positions;

    private JsonSource(string path, string displayPath, JsonDocument document, Dictionary<string, (int, int)> positions, byte[] bytes)
    {
        FullPath = path;
        DisplayPath = displayPath;
        Document = document;
        _positions = positions;
        Bytes = bytes;
    }

    /// <summary>The file's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The path shown in messages (relative to the rules directory when possible).</summary>
    public string DisplayPath { get; }

    /// <summary>The parsed document.</summary>
    public JsonDocument Document { get; }

    /// <summary>The file's bytes as read (for hashing).</summary>
    public byte[] Bytes { get; }

    /// <summary>The root element.</summary>
    public JsonElement Root => Document.RootElement;

    /// <summary>Reads and parses a file; a syntax error becomes a <see cref="PackError"/> with its line and column.</summary>
    public static JsonSource Load(string path, string displayPath, List<PackError> errors)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            errors.Add(new PackError(displayPath, null, null, null, PackErrorCodes.FileUnreadable, $"cannot read the file: {e.Message}"));
            return Empty(path, displayPath);
        }
        catch (UnauthorizedAccessException e)
        {
            errors.Add(new PackError(displayPath, null, null, null, PackErrorCodes.FileUnreadable, $"cannot read the file: {e.Message}"));
            return Empty(path, displayPath);
        }
        return Parse(bytes, path, displayPath, errors);
    }

    /// <summary>Parses bytes already read.</summary>
    public static JsonSource Parse(byte[] bytes, string path, string displayPath, List<PackError> errors)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };
        // A UTF-8 byte order mark is allowed (editors on Windows add one); the hash still covers it.
        var text = bytes.AsMemory();
        if (text.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            text = text[3..];
        try
        {
            var positions = MapPositions(text.ToArray(), options);
            var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return new JsonSource(path, displayPath, document, positions, bytes);
        }
        catch (DuplicateKeyException e)
        {
            // JSON readers keep the last of a key written twice: an edit that adds a key instead of changing it would change
            // the pack while the first value still reads as the one in force.
            errors.Add(new PackError(displayPath, e.Line, e.Column, null, PackErrorCodes.DuplicateKey,
                $"\"{e.Name}\" is written twice in the same object (first at line {e.FirstLine}); JSON keeps only the last, so remove the one that should not be in force"));
            return Empty(path, displayPath);
        }
        catch (JsonException e)
        {
            int? line = e.LineNumber is { } l ? (int)l + 1 : null;
            int? column = e.BytePositionInLine is { } c ? (int)c + 1 : null;
            errors.Add(new PackError(displayPath, line, column, null, PackErrorCodes.JsonSyntax,
                $"is not valid JSON: {CleanJsonMessage(e.Message)} Check for a missing comma, quote or bracket just before this point."));
            return Empty(path, displayPath);
        }
    }

    /// <summary>Whether the file parsed (a file with a syntax error has an empty object as root).</summary>
    public bool IsValid => _positions.Count > 0;

    /// <summary>The line and column where the value at <paramref name="path"/> starts, or the nearest enclosing value's.</summary>
    public (int? Line, int? Column) Locate(string path)
    {
        var p = path;
        while (true)
        {
            if (_positions.TryGetValue(p, out var pos))
                return (pos.Line, pos.Column);
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
                return (null, null);
            p = p[..cut];
        }
    }

    /// <summary>The error for the value <paramref name="name"/> of the object at <paramref name="parentPath"/> that is not
    /// <paramref name="expected"/>: missing_value ("needs ...", at the object) where it is absent or null, invalid_value
    /// quoting what is written (at the value) where it is there but wrong, so that a rule editor is not told to add a
    /// value they can see.</summary>
    public PackError ValueError(string parentPath, JsonElement parent, string name, string expected)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            var raw = value.GetRawText();
            return Error($"{parentPath}.{name}", PackErrorCodes.InvalidValue, $"\"{name}\" is {(raw.Length <= 40 ? raw : raw[..37] + "...")}; it must be {expected}");
        }
        return Error(parentPath, PackErrorCodes.MissingValue, $"needs \"{name}\": {expected}");
    }

    /// <summary>The column of the character <paramref name="index"/> of the JSON string whose opening quote is at
    /// <paramref name="line"/>:<paramref name="column"/>, counting its escapes as written (<c>\"</c> is two columns).</summary>
    public int ColumnInString(int line, int column, int index)
    {
        var text = Encoding.UTF8.GetString(Bytes);
        var start = 0;
        for (var l = 1; l < line && start >= 0; l++)
            start = text.IndexOf('\n', start) is var n and >= 0 ? n + 1 : -1;
        if (start < 0)
            return column;
        var k = start + column; // just after the opening quote
        for (var i = 0; i < index && k < text.Length && text[k] != '"' && text[k] != '\n'; i++)
            k += text[k] != '\\' ? 1 : k + 1 < text.Length && text[k + 1] == 'u' ? 6 : 2;
        return k - start + 1;
    }

    /// <summary>Makes an error located at <paramref name="path"/>.</summary>
    public PackError Error(string path, string code, string message, string? ruleId = null)
    {
        var (line, column) = Locate(path);
        return new PackError(DisplayPath, line, column, ruleId, code, message);
    }

    private static JsonSource Empty(string path, string displayPath) =>
        new(path, displayPath, JsonDocument.Parse("{}"), new Dictionary<string, (int, int)>(), []);

    private static string CleanJsonMessage(string message)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." which the error already says.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    private static Dictionary<string, (int, int)> MapPositions(byte[] bytes, JsonReaderOptions options)
    {
        var positions = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, options);
        var stack = new Stack<Frame>();
        string? pendingProperty = null;

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    continue;
            }

            var path = NextPath(stack, pendingProperty);
            var position = Position(lineStarts, bytes, (int)reader.TokenStartIndex);
            if (pendingProperty is not null && !positions.TryAdd(path, position))
                throw new DuplicateKeyException(pendingProperty, positions[path].Item1, position.Item1, position.Item2);
            positions[path] = position;
            pendingProperty = null;
            if (reader.TokenType == JsonTokenType.StartObject)
                stack.Push(new Frame(path, IsArray: false));
            else if (reader.TokenType == JsonTokenType.StartArray)
                stack.Push(new Frame(path, IsArray: true));
        }
        return positions;
    }

    private static string NextPath(Stack<Frame> stack, string? property)
    {
        if (stack.Count == 0)
            return "$";
        var parent = stack.Peek();
        if (parent.IsArray)
            return $"{parent.Path}[{parent.NextIndex++}]";
        return $"{parent.Path}.{property}";
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n')
                starts.Add(i + 1);
        return starts;
    }

    private static (int, int) Position(List<int> lineStarts, byte[] bytes, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
        return (line + 1, column);
    }

    /// <summary>A key written twice in one object; the line and column are those of its second value.</summary>
    private sealed class DuplicateKeyException(string name, int firstLine, int line, int column) : Exception($"\"{name}\" is written twice")
    {
        public string Name { get; } = name;
        public int FirstLine { get; } = firstLine;
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    private sealed class Frame(string path, bool IsArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = IsArray;
        public int NextIndex { get; set; }
    }
}
