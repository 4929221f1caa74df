package dk.supportflow.minsupport.draft;

import dk.supportflow.cases.CaseController;
import dk.supportflow.domain.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "MinSupport", description = "Svar fra leverandørens support")
public class MinSupportDraftController {

    static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final MinSupportDrafts drafts;

    public MinSupportDraftController(MinSupportDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping(value = "/{caseNumber}/minsupport-draft", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Udkast til MinSupport-sagen: JSON, eller tekst klar til at indsætte (Accept: text/plain). "
            + "CPR-nummeret vises kun i klar tekst for den, der har sagens opgave.")
    public ResponseEntity<?> draft(@PathVariable String caseNumber,
            @Parameter(description = "text eller json: vælger formatet, hvor Accept ikke kan sættes (et link i browseren)")
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication user) {
        boolean text = wantsText(format, accept);
        TicketDraft draft = drafts.forCaller(caseNumber, user.getName(), CaseController.isSupportStaff(user));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate());
        return text ? response.contentType(TEXT).body(TicketDraftText.render(draft))
                : response.contentType(MediaType.APPLICATION_JSON).body(draft);
    }

    /** Text when asked for by format=text, or when the most preferred type the client accepts is text/plain or text/*. */
    static boolean wantsText(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "text" -> true;
                case "json" -> false;
                default -> throw new Refused(Refused.Why.INVALID, "format skal være text eller json.");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        // stable: among equal qualities the client's order counts
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.includes(MediaType.TEXT_PLAIN)) {
                return true;
            }
        }
        return false;
    }
}
