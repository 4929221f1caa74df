package dk.supportflow.portal.cases;

import dk.supportflow.cases.CaseController;
import dk.supportflow.cases.CaseView;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.domain.Refused;
import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.minsupport.attachment.AttachmentController;
import dk.supportflow.minsupport.attachment.Attachments;
import dk.supportflow.minsupport.draft.MinSupportDrafts;
import dk.supportflow.minsupport.draft.TicketDraft;
import dk.supportflow.notification.Mails;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.portal.Forms;
import dk.supportflow.portal.PortalPage;
import dk.supportflow.portal.PortalUser;
import dk.supportflow.process.SupportCaseProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /portal/sager/{caseNumber}: the report, the timeline, the waiting time, information and
 * attachments added; for the supportberettigede the MinSupport draft to copy field by field and
 * the open task in Tasklist. The reading rule is the API's (SupportCaseService#view).
 */
@Controller
public class CasePage implements PortalPage {

    static final List<String> INFORMATION_FIELDS = List.of("source", "text");

    private final SupportCaseService cases;
    private final CaseTimeline timeline;
    private final Attachments attachments;
    private final MinSupportDrafts drafts;
    private final KnowledgeEntries knowledge;
    private final PeopleDirectory people;
    private final Mails mails;
    private final Forms forms;

    public CasePage(SupportCaseService cases, CaseTimeline timeline, Attachments attachments, MinSupportDrafts drafts,
            KnowledgeEntries knowledge, PeopleDirectory people, Mails mails, Forms forms) {
        this.cases = cases;
        this.timeline = timeline;
        this.attachments = attachments;
        this.drafts = drafts;
        this.knowledge = knowledge;
        this.people = people;
        this.mails = mails;
        this.forms = forms;
    }

    /** A field of the MinSupport draft, ready to copy. */
    public record DraftField(String id, String label, String text) {
    }

    /** A party's share of the case's time, for the bar. */
    public record Share(String party, String name, String duration, double percent, double offset) {
    }

    @GetMapping("/portal/sager/{caseNumber}")
    String page(@PathVariable String caseNumber, @ModelAttribute("me") PortalUser me, Model model) {
        if (!model.containsAttribute("values")) {
            Forms.show(model, new LinkedHashMap<>(), new LinkedHashMap<>());
        }
        return render(caseNumber, me, model);
    }

    @PostMapping("/portal/sager/{caseNumber}/information")
    String addInformation(@PathVariable String caseNumber, @RequestParam MultiValueMap<String, String> params,
            @ModelAttribute("me") PortalUser me, Model model, RedirectAttributes redirect) {
        Map<String, String> values = Forms.values(params);
        Map<String, String> errors = forms.check(new CaseController.NewInformation(values.get("source"), values.get("text")),
                INFORMATION_FIELDS);
        if (errors.isEmpty()) {
            try {
                cases.addInformation(caseNumber, values.get("source"), values.get("text"), me.id(), me.supportStaff());
                redirect.addFlashAttribute("notice", "Informationen er sendt til sagen. Den supportberettigede får besked.");
                return "redirect:/portal/sager/" + caseNumber + "#information";
            } catch (Refused refused) {
                if (refused.why() == Refused.Why.FORBIDDEN || refused.why() == Refused.Why.NOT_FOUND) {
                    throw refused;
                }
                errors = Forms.errorsOf(refused, "text");
            }
        }
        Forms.show(model, values, errors);
        return render(caseNumber, me, model);
    }

    @PostMapping("/portal/sager/{caseNumber}/bilag")
    String upload(@PathVariable String caseNumber, @RequestParam(name = "file", required = false) MultipartFile file,
            @ModelAttribute("me") PortalUser me, Model model, RedirectAttributes redirect) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        if (file == null || file.isEmpty()) {
            errors.put("file", "Vælg en fil – et skærmbillede (PNG eller JPEG), en PDF eller et Word-dokument.");
        } else {
            try {
                attachments.checkBeforeReading(caseNumber, file.getSize(), me.id(), me.supportStaff());
                attachments.attach(caseNumber, new Attachments.Upload(file.getOriginalFilename(), file.getContentType(),
                        file.getBytes()), me.id(), me.supportStaff());
                redirect.addFlashAttribute("notice", "Filen " + file.getOriginalFilename() + " er vedhæftet sagen.");
                return "redirect:/portal/sager/" + caseNumber + "#bilag";
            } catch (Refused refused) {
                if (refused.why() == Refused.Why.FORBIDDEN || refused.why() == Refused.Why.NOT_FOUND) {
                    throw refused;
                }
                errors.put("file", refused.getMessage());
            }
        }
        Forms.show(model, new LinkedHashMap<>(), errors);
        return render(caseNumber, me, model);
    }

    @GetMapping("/portal/sager/{caseNumber}/bilag/{id}")
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id, @ModelAttribute("me") PortalUser me) {
        return AttachmentController.asDownload(attachments.download(caseNumber, id, me.id(), me.supportStaff()));
    }

    private String render(String caseNumber, PortalUser me, Model model) {
        CaseView view = cases.view(caseNumber, me.id(), me.supportStaff());
        model.addAttribute("case", view);
        model.addAttribute("reporterName", people.displayName(view.reporter()));
        model.addAttribute("kindName", SupportCaseProcess.Kinds.NAMES.get(view.kind()));
        model.addAttribute("criticalityName", view.criticality() == null ? null : MinSupportRules.CRITICALITIES.get(view.criticality()));
        model.addAttribute("timeline", timeline.of(view));
        model.addAttribute("attachments", attachments.list(caseNumber, me.id(), me.supportStaff()));
        model.addAttribute("shares", shares(view.waitingTime()));
        model.addAttribute("waitingOnName", view.waitingTime() == null ? null : partyName(view.waitingTime().currentlyWaitingOn()));
        // the open tasks this person can do: all of them for the supportberettigede, their own for a reporter
        model.addAttribute("tasks", view.openTasks().stream()
                .filter(t -> me.supportStaff() || me.id().equals(t.assignee()))
                .map(t -> Map.of("name", t.name(), "link", mails.taskLink(t.taskId()),
                        "assignee", t.assignee() == null ? "ingen endnu" : people.displayName(t.assignee())))
                .toList());
        if (me.supportStaff() && view.closedAt() == null) {
            TicketDraft draft = drafts.forCaller(caseNumber, me.id(), true);
            model.addAttribute("draft", draftFields(draft));
            model.addAttribute("draftMissing", draft.missing());
        }
        if (me.support() && view.closedAt() != null) {
            model.addAttribute("articles", knowledge.articlesOf(caseNumber));
            model.addAttribute("mayWriteArticle", knowledge.solvedCase(caseNumber).isPresent());
        }
        return "portal/sag";
    }

    static List<DraftField> draftFields(TicketDraft d) {
        List<DraftField> fields = new ArrayList<>();
        add(fields, "draft-type", "Sagstype", d.ticketTypeName());
        add(fields, "draft-title", "Titel", d.title());
        add(fields, "draft-component", "Komponent", d.component());
        add(fields, "draft-criticality", "Kritikalitet", d.criticalityName());
        add(fields, "draft-justification", "Begrundelse for kritikaliteten", d.criticalityJustification());
        add(fields, "draft-action", TicketDraft.ACTION_HEADING, d.description().action());
        add(fields, "draft-expected", TicketDraft.EXPECTED_HEADING, d.description().expected());
        add(fields, "draft-other", TicketDraft.OTHER_CASES_HEADING, d.description().otherCases());
        add(fields, "draft-error-text", "Teknisk fejltekst", d.technicalErrorText());
        add(fields, "draft-cpr", "CPR-nummer", d.cpr());
        add(fields, "draft-kp-case", "Sags-ID", d.kpCaseId());
        add(fields, "draft-kp-task", "Opgave-ID", d.kpTaskId());
        add(fields, "draft-kp-task-key", "Opgavens brugervendte nøgle", d.kpTaskKey());
        if (d.user() != null) {
            add(fields, "draft-user", "Indberettet af", String.join(", ", Stream.of(d.user().name(),
                    d.user().email(), d.user().phone()).filter(Objects::nonNull).toList()));
        }
        return fields;
    }

    private static void add(List<DraftField> fields, String id, String label, String text) {
        if (text != null && !text.isBlank()) {
            fields.add(new DraftField(id, label, text));
        }
    }

    /** The four parties' time as shares of the whole, for an SVG bar (no inline styles under the CSP). */
    static List<Share> shares(CaseView.WaitingTime waiting) {
        if (waiting == null) {
            return List.of();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("municipality", waiting.municipality());
        parts.put("reporter", waiting.reporter());
        parts.put("vendor", waiting.vendor());
        parts.put("integration", waiting.integration());
        long total = parts.values().stream().filter(Objects::nonNull).mapToLong(iso -> Duration.parse(iso).toMillis()).sum();
        List<Share> shares = new ArrayList<>();
        double offset = 0;
        for (Map.Entry<String, String> part : parts.entrySet()) {
            long ms = part.getValue() == null ? 0 : Duration.parse(part.getValue()).toMillis();
            double percent = total == 0 ? 0 : 100.0 * ms / total;
            shares.add(new Share(part.getKey(), partyName(part.getKey()), part.getValue(), percent, offset));
            offset += percent;
        }
        return shares;
    }

    static String partyName(String party) {
        if (party == null) {
            return null;
        }
        return switch (party) {
            case "municipality" -> "Supportberettiget (kommunen)";
            case "reporter" -> "Superbrugeren";
            case "vendor" -> "MinSupport";
            case "integration" -> "En integration";
            default -> party;
        };
    }
}
