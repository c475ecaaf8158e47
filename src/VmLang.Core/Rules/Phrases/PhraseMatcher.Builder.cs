namespace VmLang.Rules.Phrases;

public sealed partial class PhraseMatcher<TPayload>
{
    /// <summary>
    /// Collects phrases one at a time, checking each as it is added so that a blank phrase is reported
    /// where it was written, then builds the matcher.
    /// </summary>
    public sealed class Builder
    {
        private readonly List<(string Phrase, TPayload Payload)> _phrases = [];

        /// <summary>Number of phrases added so far.</summary>
        public int Count => _phrases.Count;

        /// <summary>Adds a phrase and the payload its matches carry.</summary>
        /// <exception cref="ArgumentException">The phrase is empty or only whitespace; the message quotes it.</exception>
        public Builder Add(string phrase, TPayload payload)
        {
            NormalizeNonBlank(phrase, nameof(phrase));
            _phrases.Add((phrase, payload));
            return this;
        }

        /// <summary>Builds a matcher for the phrases added so far.</summary>
        public PhraseMatcher<TPayload> Build() => new(_phrases);
    }
}
