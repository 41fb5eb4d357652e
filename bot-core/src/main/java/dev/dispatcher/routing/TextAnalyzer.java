package dev.dispatcher.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

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

    private final Analyzer analyzer = analyzer();
    /**
     * One instance per term of the routing vocabulary: every index is keyed by the instances the analysis of its
     * material returned, so a task's terms meet them by identity, with their hash already computed.
     */
    private final SharedStrings vocabulary = new SharedStrings();
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
        return analyse(text).terms();
    }

    /** Terms without English stop words, for comparing a task with documents and examples. */
    public List<String> contentTerms(String text) {
        return analyse(text).contentTerms();
    }

    /** Both lists of terms of a text, read in one pass (routing needs both, and analysis is a good part of a route). */
    public Terms analyse(String text) {
        return analyze(withoutEndpointPrefix(text));
    }

    /**
     * A text's terms.
     *
     * @param terms        every term in order, stop words included
     * @param contentTerms the same without English stop words
     */
    public record Terms(List<String> terms, List<String> contentTerms) {}

    private String withoutEndpointPrefix(String text) {
        return endpointPrefix == null ? text : endpointPrefix.matcher(text).replaceAll(" ");
    }

    private Terms analyze(String text) {
        List<String> all = new ArrayList<>();
        List<String> content = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", openIdentifiers(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            FlagsAttribute flags = stream.addAttribute(FlagsAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = sharedInstance(term.toString());
                all.add(word);
                if (flags.getFlags() != STOP_WORD) {
                    content.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Terms(all, content);
    }

    private String sharedInstance(String word) {
        return vocabulary.of(word, UnaryOperator.identity());
    }

    /**
     * Says the routing vocabulary is complete (the indexes are built): words met from now on, in tasks and
     * corrections, are not kept as shared instances.
     */
    public void vocabularyComplete() {
        vocabulary.close();
    }

    /** How many terms are kept as shared instances. */
    int sharedTermCount() {
        return vocabulary.size();
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

    /** The flag a stop word's token carries (as the word was written, before stemming, as Lucene's StopFilter reads it). */
    private static final int STOP_WORD = 1;

    private static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopWordMarker(stream);
                // Components are per thread, and so is the memory of stems the two filters around the stemmers share.
                StemMemory stems = new StemMemory();
                stream = stems.recall(stream);
                stream = new KStemFilter(stream);
                // KStem's dictionary keeps some plurals ("sessions"); the minimal stemmer folds what it leaves.
                stream = new EnglishMinimalStemFilter(stream);
                stream = stems.remember(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /**
     * Each word's stem, as the stemmers gave it the first time the word was met (stemming a word is a pure function of
     * it): a word met again is marked a keyword, which both stemmers pass by, and given its remembered stem. Stemming
     * was half of the analysis, and a team's tasks use the same few thousand words. Bounded; one per thread's analysis
     * components, so not thread-safe.
     */
    private static final class StemMemory {

        /** Words beyond this many are stemmed every time. */
        private static final int LIMIT = 20_000;

        private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
        /** The word the stemmers are stemming now, when it is not remembered yet. */
        private char[] unstemmed;

        TokenStream recall(TokenStream input) {
            return new TokenFilter(input) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

                @Override
                public boolean incrementToken() throws IOException {
                    if (!input.incrementToken()) {
                        return false;
                    }
                    unstemmed = null;
                    char[] stem = stems.get(term.buffer(), 0, term.length());
                    if (stem != null) {
                        term.copyBuffer(stem, 0, stem.length);
                        keyword.setKeyword(true);
                    } else if (stems.size() < LIMIT) {
                        unstemmed = Arrays.copyOf(term.buffer(), term.length());
                    }
                    return true;
                }
            };
        }

        TokenStream remember(TokenStream input) {
            return new TokenFilter(input) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

                @Override
                public boolean incrementToken() throws IOException {
                    if (!input.incrementToken()) {
                        return false;
                    }
                    if (unstemmed != null) {
                        stems.put(unstemmed, Arrays.copyOf(term.buffer(), term.length()));
                        unstemmed = null;
                    }
                    return true;
                }
            };
        }
    }

    /** Marks stop words instead of dropping them, so one pass gives the terms with and without them. */
    private static final class StopWordMarker extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);

        StopWordMarker(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            flags.setFlags(STOP_WORDS.contains(term.buffer(), 0, term.length()) ? STOP_WORD : 0);
            return true;
        }
    }
}
