package dk.supportflow.knowledge.search;

/**
 * The kinds of entries in the knowledge index. The boost multiplies the text score: an edited
 * entry (a known error from the driftsside, an article) ranks above a raw solved case that
 * matches as well or somewhat better.
 */
public enum KnowledgeKind {
    KNOWN_ERROR("knownError", 4.0f),
    ARTICLE("article", 2.5f),
    CASE("case", 1.0f);

    private final String key;
    private final float boost;

    KnowledgeKind(String key, float boost) {
        this.key = key;
        this.boost = boost;
    }

    public String key() {
        return key;
    }

    public float boost() {
        return boost;
    }

    public static KnowledgeKind ofKey(String key) {
        for (KnowledgeKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind " + key);
    }
}
