// A small stand-in for Verify.Xunit (which cannot be restored here), with the same API shape and the same files:
//   await Verifier.Verify(text, extension: "xml");
// compares `text` with `<Class>.<Method>.verified.xml` next to the test's source file, and on a mismatch writes
// `<Class>.<Method>.received.xml` beside it (git-ignored) and fails with a line diff.
// A missing verified file is created and the test passes, except under CI=true, where it fails: CI never
// accepts a snapshot nobody has looked at.
// Swapping to Verify.Xunit is a change to FeedKit.Tests.csproj alone (see the comment there).
using System.Runtime.CompilerServices;
using System.Text;

namespace VerifyXunit;

/// <summary>Snapshot assertions, named and behaving like Verify.Xunit's <c>Verifier</c>.</summary>
public static class Verifier
{
    /// <summary>Compares <paramref name="target"/> with the verified snapshot of the calling test.</summary>
    public static SettingsTask Verify(
        string? target,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string methodName = "") =>
        new(target ?? "null", extension, sourceFile, methodName);
}

/// <summary>A pending snapshot comparison; await it. Mirrors Verify's <c>SettingsTask</c> for the parts FeedKit uses.</summary>
public sealed class SettingsTask
{
    private readonly string _target;
    private readonly string _extension;
    private readonly string _sourceFile;
    private string _methodName;
    private string? _parameters;

    internal SettingsTask(string target, string extension, string sourceFile, string methodName)
    {
        _target = target;
        _extension = extension.TrimStart('.');
        _sourceFile = sourceFile;
        _methodName = methodName;
    }

    /// <summary>Adds the theory's parameters to the file name, as Verify does: <c>Class.Method_a=1_b=x</c>.</summary>
    public SettingsTask UseParameters(params object?[] values)
    {
        var names = FindParameterNames();
        var parts = values.Select((v, i) => $"{(i < names.Length ? names[i] : "p" + i)}={Sanitize(v)}");
        _parameters = "_" + string.Join("_", parts);
        return this;
    }

    /// <summary>Overrides the method part of the file name.</summary>
    public SettingsTask UseMethodName(string name)
    {
        _methodName = name;
        return this;
    }

    /// <summary>Makes the task awaitable.</summary>
    public TaskAwaiter GetAwaiter() => Task.Run(Run).GetAwaiter();

    private string[] FindParameterNames()
    {
        var method = FindTestType()?.GetMethods().FirstOrDefault(m => m.Name == _methodName);
        return method?.GetParameters().Select(p => p.Name ?? "p").ToArray() ?? [];
    }

    private Type? FindTestType()
    {
        var className = Path.GetFileNameWithoutExtension(_sourceFile);
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .SelectMany(a => { try { return a.GetTypes(); } catch (System.Reflection.ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); } })
            .FirstOrDefault(t => t.Name == className && t.GetMethods().Any(m => m.Name == _methodName));
    }

    private static string Sanitize(object? value)
    {
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        var invalid = Path.GetInvalidFileNameChars();
        return new string(text.Select(c => invalid.Contains(c) || c == ' ' ? '_' : c).ToArray());
    }

    private void Run()
    {
        var directory = Path.GetDirectoryName(_sourceFile)
            ?? throw new InvalidOperationException("The test's source file path is unknown.");
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"The test's source folder {directory} does not exist: snapshots live beside the tests' sources, so build the tests from the source tree (and without path mapping).");
        }

        var className = Path.GetFileNameWithoutExtension(_sourceFile);
        if (FindTestType() is null)
        {
            throw new InvalidOperationException(
                $"No type {className} has a method {_methodName}: name each snapshot test class after its file, as Verify's file names assume.");
        }

        var stem = Path.Combine(directory, $"{className}.{_methodName}{_parameters}");
        var verifiedPath = $"{stem}.verified.{_extension}";
        var receivedPath = $"{stem}.received.{_extension}";
        var received = Normalize(_target);

        if (!File.Exists(verifiedPath))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                File.WriteAllText(receivedPath, received, Utf8);
                throw new SnapshotMismatchException(
                    $"No verified snapshot {Path.GetFileName(verifiedPath)}. Under CI=true a missing snapshot fails instead of being created: run the tests locally, review {Path.GetFileName(receivedPath)}, and commit it as the verified file.");
            }

            File.WriteAllText(verifiedPath, received, Utf8);
            return;
        }

        var verified = Normalize(File.ReadAllText(verifiedPath, Utf8));
        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, received, Utf8);
        throw new SnapshotMismatchException(
            $"Snapshot {Path.GetFileName(verifiedPath)} differs from what the test produced (written to {Path.GetFileName(receivedPath)}).{Environment.NewLine}"
            + LineDiff.Describe(verified, received)
            + $"{Environment.NewLine}If the new output is right, replace the verified file with the received one.");
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>Thrown when a snapshot does not match.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);

/// <summary>A readable line diff: the changed lines with a little context, marked - (verified) and + (received).</summary>
internal static class LineDiff
{
    private const int Context = 2;
    private const int MaxLines = 60;

    public static string Describe(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var ops = Diff(a, b);
        var output = new StringBuilder();
        var shown = 0;
        var lastPrinted = -1;
        for (var i = 0; i < ops.Count && shown < MaxLines; i++)
        {
            if (ops[i].Kind == ' ')
            {
                continue;
            }

            for (var c = Math.Max(lastPrinted + 1, i - Context); c < i; c++)
            {
                output.Append(Format(ops[c]));
                shown++;
            }

            output.Append(Format(ops[i]));
            shown++;
            lastPrinted = i;
            for (var c = i + 1; c < ops.Count && c <= i + Context && ops[c].Kind == ' '; c++)
            {
                output.Append(Format(ops[c]));
                shown++;
                lastPrinted = c;
            }
        }

        if (shown >= MaxLines)
        {
            output.AppendLine("  … (diff cut)");
        }

        return output.ToString();
    }

    private static string Format((char Kind, int Line, string Text) op) =>
        $"{op.Kind} {op.Line,5}: {Visible(op.Text)}{Environment.NewLine}";

    /// <summary>Shows the invisible characters that matter in FeedKit's output.</summary>
    private static string Visible(string text) => text
        .Replace("\u200F", "⟨RLM⟩", StringComparison.Ordinal)
        .Replace("\u200E", "⟨LRM⟩", StringComparison.Ordinal)
        .Replace("\u200C", "⟨ZWNJ⟩", StringComparison.Ordinal)
        .Replace("\t", "⟨TAB⟩", StringComparison.Ordinal);

    private static List<(char Kind, int Line, string Text)> Diff(string[] a, string[] b)
    {
        // Longest common subsequence; snapshots are small enough for the quadratic table.
        if ((long)a.Length * b.Length > 25_000_000)
        {
            var first = 0;
            while (first < a.Length && first < b.Length && a[first] == b[first])
            {
                first++;
            }

            return [('-', first + 1, first < a.Length ? a[first] : "<end>"), ('+', first + 1, first < b.Length ? b[first] : "<end>")];
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char, int, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add((' ', y + 1, b[y]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                ops.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                ops.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        return ops;
    }
}
