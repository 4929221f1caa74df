package dk.supportflow.knowledge.search;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * Danish analysis of knowledge texts, the same at index and at query time:
 * <ol>
 * <li>words (Unicode word breaks) in lower case;</li>
 * <li>the ae/oe/aa spellings of æ/ø/å (and ä/ö) folded to æ/ø/å, so "helbredstillaeg" is
 * "helbredstillæg";</li>
 * <li>Danish stop words (Lucene's list, in both spellings) removed;</li>
 * <li>KP synonyms ({@link KnowledgeSynonyms}) replaced by their group's first word;</li>
 * <li>the Danish Snowball stemmer: "beregningen", "beregninger" and "beregning" are one word;</li>
 * <li>ASCII folding last (æ → ae, ø → o, å → a, é → e), so any remaining accent does not matter.</li>
 * </ol>
 */
public final class DanishKnowledgeAnalyzer extends Analyzer {

    static final CharArraySet STOP_WORDS = stopWords();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new DanishFoldingFilter(stream, false);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new DanishFoldingFilter(stream, true);
        stream = new SnowballFilter(stream, new DanishStemmer());
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** Lower case and æ/ø/å folding of one word, as the analyzer does before stemming. */
    public static String normalizeWord(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('ä', 'æ').replace('ö', 'ø');
        return w.replace("aa", "å").replace("ae", "æ").replace("oe", "ø");
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(200, true);
        for (Object word : DanishAnalyzer.getDefaultStopSet()) {
            String w = word instanceof char[] chars ? new String(chars) : word.toString();
            set.add(normalizeWord(w));
        }
        return CharArraySet.unmodifiableSet(set);
    }

    /** Folds ae/oe/aa to æ/ø/å; with synonyms, also maps the word to its synonym group's word. */
    private static final class DanishFoldingFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean synonyms;

        DanishFoldingFilter(TokenStream input, boolean synonyms) {
            super(input);
            this.synonyms = synonyms;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String word = term.toString();
            String folded = normalizeWord(word);
            if (synonyms) {
                String canonical = KnowledgeSynonyms.canonical(folded);
                if (canonical != null) {
                    folded = canonical;
                }
            }
            if (!folded.equals(word)) {
                term.setEmpty().append(folded);
            }
            return true;
        }
    }
}
