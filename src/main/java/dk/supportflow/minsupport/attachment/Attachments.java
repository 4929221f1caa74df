package dk.supportflow.minsupport.attachment;

import dk.supportflow.cases.CaseAnonymised;
import dk.supportflow.cases.SupportCase;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a case for MinSupport. Anyone who may read the case (its reporter, the
 * supportberettigede, administrators) may attach and fetch them. A file is accepted only if its
 * content is PDF, PNG, JPEG or DOCX and its name and declared type do not say otherwise; nothing is
 * stored from a refused file.
 */
@Service
public class Attachments {

    static final String ALLOWED = "Vedhæft skærmbilleder og dokumenter som PDF, PNG, JPEG eller Word (DOCX).";

    private final AttachmentRepository attachments;
    private final SupportCaseService cases;
    private final AttachmentLimits limits;
    private final AttachmentCipher cipher;
    private final ScreenshotPdf screenshotPdf;
    private final Clock clock;

    public Attachments(AttachmentRepository attachments, SupportCaseService cases, AttachmentLimits limits,
            AttachmentCipher cipher, ScreenshotPdf screenshotPdf, Clock clock) {
        this.attachments = attachments;
        this.cases = cases;
        this.limits = limits;
        this.cipher = cipher;
        this.screenshotPdf = screenshotPdf;
        this.clock = clock;
    }

    /** A received file: the client's name and Content-Type (both only claims) and the content. */
    public record Upload(String originalName, String declaredType, byte[] content) {
    }

    /** Checks before the content is read: access, an open case, room for one more, size. */
    @Transactional(readOnly = true)
    public void checkBeforeReading(String caseNumber, long size, String userId, boolean supportStaff) {
        SupportCase supportCase = cases.readable(caseNumber, userId, supportStaff);
        checkCaseTakesMore(supportCase);
        checkSize(size);
    }

    /** A refusal writes nothing (every check comes before the save), so it leaves the caller's transaction usable. */
    @Transactional(noRollbackFor = Refused.class)
    public AttachmentInfo attach(String caseNumber, Upload upload, String userId, boolean supportStaff) {
        SupportCase supportCase = cases.readable(caseNumber, userId, supportStaff);
        checkCaseTakesMore(supportCase);
        byte[] content = upload.content();
        checkSize(content.length);
        if (content.length == 0) {
            throw new Refused(Refused.Why.INVALID, "Filen er tom. " + ALLOWED);
        }
        FileType type = typeOf(upload);
        if (type.isImage()) {
            // MinSupport gets a screenshot as PDF: one that cannot become one is refused now, not when it is to be sent
            screenshotPdf.checkSize(type, content);
        }
        String name = FileNames.withExtension(FileNames.sanitise(upload.originalName()), type);
        Attachment saved = attachments.save(new Attachment(supportCase.getId(), name, type, content, sha256(content),
                cipher, userId, clock.instant()));
        return saved.info(supportCase.getCaseNumber());
    }

    @Transactional(readOnly = true)
    public List<AttachmentInfo> list(String caseNumber, String userId, boolean supportStaff) {
        return listOf(cases.readable(caseNumber, userId, supportStaff));
    }

    /** For the MinSupport draft: the caller has checked access. */
    @Transactional(readOnly = true)
    public List<AttachmentInfo> listOf(SupportCase supportCase) {
        return attachments.listOfCase(supportCase.getId()).stream().map(a -> a.info(supportCase.getCaseNumber())).toList();
    }

    public record Download(String name, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Download download(String caseNumber, long id, String userId, boolean supportStaff) {
        SupportCase supportCase = cases.readable(caseNumber, userId, supportStaff);
        Attachment attachment = attachments.findByIdAndCaseId(id, supportCase.getId())
                .orElseThrow(() -> Refused.notFound("Sagen " + caseNumber + " har intet bilag " + id + "."));
        return new Download(attachment.getFileName(), attachment.getContentType(), attachment.content(cipher));
    }

    /**
     * A downloaded attachment as PDF, for MinSupport: a PDF as it is, a PNG or JPEG converted
     * ({@link ScreenshotPdf}); a Word document is refused (409), as MinSupport takes it as it is.
     * No transaction: converting needs no database.
     */
    public Download asPdf(Download file) {
        FileType type = FileType.ofMediaType(file.contentType())
                .orElseThrow(() -> new IllegalStateException("Stored attachment of unknown type " + file.contentType()));
        if (!type.offeredAsPdf()) {
            throw Refused.conflict("Bilaget er et Word-dokument (DOCX) og laves ikke om til PDF: MinSupport tager "
                    + "Word-dokumenter, som de er. Hent bilaget, som det er, og vedhæft det i MinSupport.");
        }
        byte[] pdf = type == FileType.PDF ? file.content() : screenshotPdf.toPdf(type, file.content(), file.name());
        return new Download(FileNames.asPdf(file.name()), FileType.PDF.mediaType(), pdf);
    }

    /** A case's personal data is removed (retention or erasure): its attachments go with it. */
    @EventListener
    void caseAnonymised(CaseAnonymised event) {
        attachments.deleteByCaseId(event.caseId());
    }

    private void checkCaseTakesMore(SupportCase supportCase) {
        if (supportCase.isClosed()) {
            throw Refused.conflict("Sagen " + supportCase.getCaseNumber() + " er lukket, så der kan ikke vedhæftes flere filer.");
        }
        if (attachments.countByCaseId(supportCase.getId()) >= limits.maxPerCase()) {
            throw Refused.conflict("Sagen " + supportCase.getCaseNumber() + " har allerede " + limits.maxPerCase()
                    + " bilag, som er det højeste antal. Saml eventuelt flere skærmbilleder i ét PDF- eller Word-dokument.");
        }
    }

    private void checkSize(long size) {
        if (size > limits.maxBytes()) {
            throw tooLarge(limits, size);
        }
    }

    static Refused tooLarge(AttachmentLimits limits, Long size) {
        return new Refused(Refused.Why.TOO_LARGE, "Filen er for stor"
                + (size == null ? "" : " (" + AttachmentLimits.human(size) + ")") + ". Et bilag må højst fylde "
                + AttachmentLimits.human(limits.maxBytes()) + ". Gem skærmbilledet i en mindre opløsning, eller del det op.");
    }

    /** The type by content, refused when it is none of ours or when the name or declared type says otherwise. */
    private static FileType typeOf(Upload upload) {
        FileType.Detected detected = FileType.detect(upload.content());
        if (detected instanceof FileType.WordWithMacros) {
            throw unsupported("Filen er et Word-dokument med makroer, og sådanne filer modtages ikke. "
                    + "Gem dokumentet som almindeligt Word-dokument (DOCX) eller som PDF.");
        }
        if (!(detected instanceof FileType.Accepted accepted)) {
            throw unsupported("Filens indhold er hverken PDF, PNG, JPEG eller Word (DOCX). " + ALLOWED);
        }
        FileType type = accepted.type();
        Optional<String> extension = FileNames.extension(FileNames.sanitise(upload.originalName()));
        // by extension as by declared type: .jpg and .jpeg are both JPEG
        if (extension.isPresent() && FileType.ofExtension(extension.get()).filter(type::equals).isEmpty()) {
            throw unsupported("Filnavnet passer ikke til indholdet: filen hedder ." + extension.get().toLowerCase(Locale.ROOT)
                    + ", men indholdet er " + type.danishName() + ". Vælg den rigtige fil, eller giv den endelsen ."
                    + type.extension() + ".");
        }
        String declared = upload.declaredType();
        if (declared != null && !declared.isBlank() && !isGeneric(declared)
                && FileType.ofMediaType(declared).filter(type::equals).isEmpty()) {
            throw unsupported("Filen er sendt som " + declared.split(";", 2)[0].strip() + ", men indholdet er "
                    + type.danishName() + ". Vælg den rigtige fil.");
        }
        return type;
    }

    /** What browsers and tools send when they do not know the type. */
    private static boolean isGeneric(String declared) {
        String bare = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return bare.equals("application/octet-stream") || bare.equals("binary/octet-stream");
    }

    private static Refused unsupported(String message) {
        return new Refused(Refused.Why.UNSUPPORTED_TYPE, message);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
