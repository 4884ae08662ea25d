using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChipScreen.Reports;

/// <summary>Copies text that needs no escaping straight into UTF-8 in one pass: the check and the copy together, where
/// checking first and copying after read every string twice, through two calls, for the few characters most fields have.</summary>
internal static class PlainText
{
    /// <summary>Copies <paramref name="text"/> into <paramref name="destination"/> (one byte per character) when every
    /// character is printable ASCII (U+0020 to U+007E) other than <paramref name="first"/> and <paramref name="second"/>;
    /// false otherwise, with <paramref name="destination"/> partly written.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">At least as long as <paramref name="text"/>.</param>
    /// <param name="first">A printable character that must be escaped.</param>
    /// <param name="second">Another.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCopy(ReadOnlySpan<char> text, Span<byte> destination, char first, char second)
    {
        if (destination.Length < text.Length)
            throw new ArgumentException("the destination is shorter than the text", nameof(destination));
        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref var target = ref MemoryMarshal.GetReference(destination);
        var length = (nuint)text.Length;
        nuint i = 0;
        if (Vector128.IsHardwareAccelerated && length >= 8)
        {
            // Most fields are 8 to 31 characters long: checked a block at a time too, the last block overlapping the one
            // before it (its characters are checked and written twice, the same both times).
            if (Vector256.IsHardwareAccelerated && length >= 32)
            {
                var low = Vector256.Create((ushort)0x20);
                var span = Vector256.Create((ushort)(0x7E - 0x20));
                var a = Vector256.Create((ushort)first);
                var b = Vector256.Create((ushort)second);
                for (; i + 32 <= length; i += 32)
                {
                    var x = Vector256.LoadUnsafe(ref source, i);
                    var y = Vector256.LoadUnsafe(ref source, i + 16);
                    var bad = Vector256.GreaterThan(x - low, span) | Vector256.Equals(x, a) | Vector256.Equals(x, b)
                        | Vector256.GreaterThan(y - low, span) | Vector256.Equals(y, a) | Vector256.Equals(y, b);
                    if (bad != Vector256<ushort>.Zero)
                        return false;
                    Vector256.Narrow(x, y).StoreUnsafe(ref target, i);
                }
            }
            for (; i + 8 <= length; i += 8)
                if (!Block(ref source, ref target, i, first, second))
                    return false;
            return i == length || Block(ref source, ref target, length - 8, first, second);
        }
        for (; i < length; i++)
        {
            var c = Unsafe.Add(ref source, i);
            if ((uint)(c - 0x20) > 0x7E - 0x20 || c == first || c == second)
                return false;
            Unsafe.Add(ref target, i) = (byte)c;
        }
        return true;
    }

    /// <summary>Checks and copies the 8 characters from <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Block(ref ushort source, ref byte target, nuint at, char first, char second)
    {
        var x = Vector128.LoadUnsafe(ref source, at);
        var bad = Vector128.GreaterThan(x - Vector128.Create((ushort)0x20), Vector128.Create((ushort)(0x7E - 0x20)))
            | Vector128.Equals(x, Vector128.Create((ushort)first)) | Vector128.Equals(x, Vector128.Create((ushort)second));
        if (bad != Vector128<ushort>.Zero)
            return false;
        Vector128.Narrow(x, x).GetLower().StoreUnsafe(ref target, at);
        return true;
    }
}
