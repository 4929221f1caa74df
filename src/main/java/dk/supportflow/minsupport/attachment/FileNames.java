package dk.supportflow.minsupport.attachment;

import dk.supportflow.privacy.Cpr;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The name an attachment is kept and offered under: the client's original name without any path,
 * control or reserved characters, no leading dots, at most {@value #MAX_LENGTH} characters, and
 * with CPR-like numbers masked (a screenshot is often named after the citizen).
 */
final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** The sanitised name, or "bilag" if nothing is left. Keeps the extension, if any. */
    static String sanitise(String original) {
        String name = original == null ? "" : original;
        // browsers on Windows may send the whole path
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"|?*]", "");
        name = name.replaceAll("\\s+", " ").strip();
        name = name.replaceFirst("^[.\\s]+", "");
        name = Cpr.maskInText(name);
        if (name.isEmpty()) {
            name = "bilag";
        }
        if (name.length() > MAX_LENGTH) {
            String extension = extension(name).map(e -> "." + e).orElse("");
            name = name.substring(0, MAX_LENGTH - extension.length()).strip() + extension;
        }
        return name;
    }

    /**
     * The file name extension: 1 to 5 letters after the last dot ("pdf", "exe"). Other endings,
     * such as the date in "Skærmbillede 12.03.2026", are not one.
     */
    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        return extension.matches("[A-Za-z]{1,5}") ? Optional.of(extension) : Optional.empty();
    }

    /** The name of the attachment's PDF form: its extension, if any, becomes .pdf ("fejl.png" → "fejl.pdf"). */
    static String asPdf(String name) {
        return extension(name).map(e -> name.substring(0, name.length() - e.length() - 1)).orElse(name) + ".pdf";
    }

    /** The name with the extension of the type added when it has none. */
    static String withExtension(String name, FileType type) {
        return extension(name).isPresent() ? name : name + "." + type.extension();
    }
}
