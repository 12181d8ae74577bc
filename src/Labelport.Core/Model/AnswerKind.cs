namespace Labelport.Core.Model;

/// <summary>What an attribute's <c>answers</c> holds: text, a number, a list of options, or null.</summary>
public enum AnswerKind
{
    Null = 0,
    Text,
    Number,
    Options,
}
