package dk.supportflow.driftsside;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a driftsside message is. The feed's categories and title give a first guess; the review decides. */
public enum MessageKind {
    DRIFTSBESKED("driftsbesked", "Driftsbesked", List.of("driftsbesked", "driftsmeddelelse", "driftsforstyrrelse", "nedbrud",
            "vedligehold", "servicevindue", "nedetid", "ustabil")),
    KENDT_FEJL("kendtFejl", "Kendt fejl", List.of("kendt fejl", "kendte fejl", "known error")),
    RELEASE("release", "Release", List.of("release", "releasenote", "udgivelse", "ny version")),
    NYHED("nyhed", "Nyhed", List.of());

    private final String code;
    private final String danishName;
    private final List<String> signals;

    MessageKind(String code, String danishName, List<String> signals) {
        this.code = code;
        this.danishName = danishName;
        this.signals = signals;
    }

    public String code() {
        return code;
    }

    public String danishName() {
        return danishName;
    }

    public static Optional<MessageKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The categories decide if they name a kind, else the title; a news item by default. */
    static MessageKind guess(String title, List<String> categories) {
        for (String text : List.of(String.join(" ", categories), title == null ? "" : title)) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (MessageKind kind : List.of(KENDT_FEJL, RELEASE, DRIFTSBESKED)) {
                if (kind.signals.stream().anyMatch(lower::contains)) {
                    return kind;
                }
            }
        }
        return NYHED;
    }
}
