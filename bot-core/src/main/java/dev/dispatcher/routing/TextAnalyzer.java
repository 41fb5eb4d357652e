package dev.dispatcher.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into the stemmed terms routing compares: tasks, configured keywords and knowledge-base sections all pass
 * through the same analysis, so "queries" meets "query" and "Deploying" meets "deploy".
 *
 * <p>Stemming is Krovetz's (KStem): it folds inflections without Porter's over-reach, which would make
 * "management" match the keyword "manager" and send "session management" to user management.
 *
 * <p>Before Lucene's standard tokenizer, identifiers are opened up: {@code flask_jwt_extended} and
 * {@code config.py} become separate words, and a camel-case word such as {@code ExpiredSignatureError} or
 * {@code OOMKilled} is kept and also split into its parts. The endpoint prefix every URL shares ({@code /api/v1}) is dropped first: it says only
 * "an endpoint", so its words would count that one fact several times over the resource the URL names. Thread-safe.
 */
public final class TextAnalyzer {

    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final Analyzer allWords = analyzer(false);
    private final Analyzer contentWords = analyzer(true);
    private final Pattern endpointPrefix;

    /** An analyzer that keeps every word. */
    public TextAnalyzer() {
        this(null);
    }

    /** @param endpointPrefix the URL prefix whose words are not terms, or {@code null} */
    public TextAnalyzer(Pattern endpointPrefix) {
        this.endpointPrefix = endpointPrefix;
    }

    /** The analyzer a routing configuration asks for. */
    public static TextAnalyzer forRouting(RoutingSettings settings) {
        return new TextAnalyzer(settings.endpointPrefix());
    }

    /** Every term in order, stop words included (phrases such as "how does" need them). */
    public List<String> terms(String text) {
        return analyze(allWords, withoutEndpointPrefix(text));
    }

    /** Terms without English stop words, for comparing a task with documents and examples. */
    public List<String> contentTerms(String text) {
        return analyze(contentWords, withoutEndpointPrefix(text));
    }

    private String withoutEndpointPrefix(String text) {
        return endpointPrefix == null ? text : endpointPrefix.matcher(text).replaceAll(" ");
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", openIdentifiers(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Separates identifier parts so each can match on its own. */
    static String openIdentifiers(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int wordStart = 0;
        boolean camel = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean separator = Character.isWhitespace(c) || "_./\\:=#()[]{}\"`*~|,;<>!?+".indexOf(c) >= 0;
            if (separator) {
                String word = text.substring(wordStart, i);
                out.append(word);
                if (camel) {
                    out.append(' ').append(splitCamelCase(word));
                }
                out.append(' ');
                wordStart = i + 1;
                camel = false;
            } else if (i > wordStart && camelBoundary(text, i)) {
                camel = true;
            }
        }
        return out.toString();
    }

    private static String splitCamelCase(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            if (i > 0 && camelBoundary(word, i)) {
                out.append(' ');
            }
            out.append(word.charAt(i));
        }
        return out.toString();
    }

    /**
     * A new part starts at {@code i}: a capital after a small letter ("expired|Signature"), or the last capital of an
     * acronym when a small letter follows ("OOM|Killed", "HTTP|Error").
     */
    private static boolean camelBoundary(String text, int i) {
        char c = text.charAt(i);
        char before = text.charAt(i - 1);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        return Character.isLowerCase(before)
                || Character.isUpperCase(before) && i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
    }

    private static Analyzer analyzer(boolean dropStopWords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                if (dropStopWords) {
                    stream = new StopFilter(stream, STOP_WORDS);
                }
                stream = new KStemFilter(stream);
                // KStem's dictionary keeps some plurals ("sessions"); the minimal stemmer folds what it leaves.
                stream = new EnglishMinimalStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
