package dk.supportflow.knowledge.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * One searchable entry: a solved case, a knowledge article or a known error. Its texts come from
 * entities that mask CPR numbers when they are made; the index holds nothing else about people.
 *
 * @param ref the case number, or the article's or known error's id
 * @param body what went wrong: the symptom (and the cause of an article)
 * @param answer what helps: the answer, an article's solution or a known error's workaround
 */
public record KnowledgeEntry(KnowledgeKind kind, String ref, String title, String body, String answer,
        String errorClass, String component, Instant date, String minSupportCaseNumber, String sourceLink) {

    /** A CPR number, whole or masked (ddmmyy-xxxx): not even the birth date part is indexed. */
    private static final Pattern CPR_LIKE = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{6}-?(?:\\d{4}|[xX]{4})(?![\\p{L}\\p{N}])");
    static final String CPR_PLACEHOLDER = "(CPR-nummer)";

    public KnowledgeEntry {
        title = withoutCpr(title);
        body = withoutCpr(body);
        answer = withoutCpr(answer);
    }

    static String withoutCpr(String text) {
        return text == null ? null : CPR_LIKE.matcher(text).replaceAll(CPR_PLACEHOLDER);
    }

    static final String ID = "id";
    static final String KIND = "kind";
    static final String REF = "ref";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String ANSWER = "answer";
    static final String ALL = "all";
    static final String ERROR_CLASS = "errorClass";
    static final String COMPONENT = "component";
    static final String COMPONENT_DISPLAY = "componentDisplay";
    static final String DATE = "date";
    static final String MINSUPPORT = "minSupport";
    static final String HAS_MINSUPPORT = "hasMinSupport";
    static final String SOURCE_LINK = "sourceLink";
    static final String CHECKSUM = "checksum";

    public String id() {
        return id(kind, ref);
    }

    public static String id(KnowledgeKind kind, String ref) {
        return kind.key() + ":" + ref;
    }

    /** A hash of everything the entry holds: an index document whose checksum differs from the database's entry is stale. */
    public String checksum() {
        return sha256(String.join("\u0000", kind.key(), ref, nn(title), nn(body), nn(answer), nn(errorClass), nn(component),
                date == null ? "" : String.valueOf(date.getEpochSecond()), nn(minSupportCaseNumber), nn(sourceLink)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String componentKey(String component) {
        return component == null ? "" : component.strip().toLowerCase(Locale.ROOT);
    }

    Document toDocument() {
        Document doc = new Document();
        doc.add(new StringField(ID, id(), Field.Store.YES));
        doc.add(new StringField(KIND, kind.key(), Field.Store.YES));
        doc.add(new StoredField(REF, ref));
        doc.add(new StoredField(CHECKSUM, checksum()));
        doc.add(new TextField(TITLE, nn(title), Field.Store.YES));
        doc.add(new TextField(BODY, nn(body), Field.Store.YES));
        doc.add(new TextField(ANSWER, nn(answer), Field.Store.YES));
        doc.add(new TextField(ALL, String.join("\n", nn(title), nn(body), nn(answer), nn(component)), Field.Store.NO));
        if (errorClass != null) {
            doc.add(new StringField(ERROR_CLASS, errorClass, Field.Store.YES));
        }
        if (component != null && !component.isBlank()) {
            doc.add(new StringField(COMPONENT, componentKey(component), Field.Store.NO));
            doc.add(new StoredField(COMPONENT_DISPLAY, component));
        }
        if (date != null) {
            doc.add(new StoredField(DATE, date.toEpochMilli()));
        }
        if (minSupportCaseNumber != null && !minSupportCaseNumber.isBlank()) {
            doc.add(new StoredField(MINSUPPORT, minSupportCaseNumber));
            doc.add(new StringField(HAS_MINSUPPORT, "true", Field.Store.NO));
        }
        if (sourceLink != null) {
            doc.add(new StoredField(SOURCE_LINK, sourceLink));
        }
        return doc;
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }
}
