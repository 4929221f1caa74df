package dk.supportflow.minsupport.attachment;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How large an attachment may be and how many a case may have ({@code supportflow.attachments.*}).
 * Checked at start-up against the servlet's multipart limits, so that a file the application
 * accepts is never cut off by the container, and a file it refuses gets the Danish message.
 */
@Component
public class AttachmentLimits {

    private final long maxBytes;
    private final int maxPerCase;

    public AttachmentLimits(@Value("${supportflow.attachments.max-size}") DataSize maxSize,
            @Value("${supportflow.attachments.max-per-case}") int maxPerCase,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize multipartMaxFile,
            @Value("${spring.servlet.multipart.max-request-size}") DataSize multipartMaxRequest) {
        if (maxSize.toBytes() <= 0 || maxPerCase <= 0) {
            throw new IllegalStateException("supportflow.attachments.max-size and max-per-case must be positive");
        }
        if (multipartMaxFile.toBytes() < maxSize.toBytes()) {
            throw new IllegalStateException("spring.servlet.multipart.max-file-size (" + multipartMaxFile
                    + ") must be at least supportflow.attachments.max-size (" + maxSize + ")");
        }
        if (multipartMaxRequest.toBytes() < maxSize.toBytes() + DataSize.ofKilobytes(64).toBytes()) {
            throw new IllegalStateException("spring.servlet.multipart.max-request-size (" + multipartMaxRequest
                    + ") must leave room for the multipart envelope: at least supportflow.attachments.max-size + 64KB");
        }
        this.maxBytes = maxSize.toBytes();
        this.maxPerCase = maxPerCase;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxPerCase() {
        return maxPerCase;
    }

    /** "10 MB", "2,5 MB", "512 kB", "300 bytes": sizes as the Danish messages give them. */
    public static String human(long bytes) {
        DecimalFormat oneDecimal = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("da")));
        if (bytes >= 1024 * 1024) {
            return oneDecimal.format(bytes / (1024.0 * 1024.0)) + " MB";
        }
        if (bytes >= 1024) {
            return oneDecimal.format(bytes / 1024.0) + " kB";
        }
        return bytes + " bytes";
    }
}
