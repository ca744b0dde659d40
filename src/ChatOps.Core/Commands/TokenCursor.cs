using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands;

/// <summary>Reads a command line word by word, and the rest of it as free text.</summary>
internal sealed class TokenCursor(string text)
{
    private int _position;

    public bool AtEnd
    {
        get
        {
            SkipSpace();
            return _position >= text.Length;
        }
    }

    public string? Peek()
    {
        var saved = _position;
        var token = Next();
        _position = saved;
        return token;
    }

    public string? Next()
    {
        SkipSpace();
        if (_position >= text.Length) return null;
        var start = _position;
        // A mention is one word even when its name has spaces, as Teams names do: <@teams:…|Bob Example>.
        if (Mention.At(text, start) is { } mention)
        {
            _position += mention.Length;
            return mention;
        }
        while (_position < text.Length && !char.IsWhiteSpace(text[_position])) _position++;
        return text[start.._position];
    }

    /// <summary>Everything not read yet, trimmed; inner spacing and line breaks are kept.</summary>
    public string Rest()
    {
        SkipSpace();
        var rest = text[_position..].TrimEnd();
        _position = text.Length;
        return rest;
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
    }
}
