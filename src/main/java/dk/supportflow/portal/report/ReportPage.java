package dk.supportflow.portal.report;

import dk.supportflow.cases.CaseReport;
import dk.supportflow.cases.SupportCaseService;
import dk.supportflow.cases.TitleCheck;
import dk.supportflow.domain.Refused;
import dk.supportflow.knowledge.KnowledgeSearch;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.people.Groups;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.portal.Forms;
import dk.supportflow.portal.PortalPage;
import dk.supportflow.portal.PortalUser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /portal/indrapporter: the start form's questions with the same checks as POST /api/cases, and
 * while the title and description are typed, the known errors, articles and solved cases that may
 * already answer them. "Det løste mit problem" ends the report without a case, and is counted.
 */
@Controller
public class ReportPage implements PortalPage {

    /** The report's fields in the order the page asks them; errors are listed in this order. */
    static final List<String> FIELDS = List.of("kind", "title", "workingOn", "stepsTaken", "expected", "actual",
            "otherCasesAffected", "triedSoFar", "errorMessage", "component", "kpCaseId", "kpTaskId", "kpTaskKey", "cpr",
            "paymentBlocked", "availableDate", "reporter", "channel");
    /** What the suggestions are found from. */
    static final List<String> SEARCHED = List.of("title", "workingOn", "actual", "errorMessage");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");
    private static final Logger LOG = LoggerFactory.getLogger(ReportPage.class);

    private final SupportCaseService cases;
    private final TitleCheck titleCheck;
    private final KnowledgeSearch knowledge;
    private final Deflections deflections;
    private final ReportQuestions questions;
    private final PeopleDirectory people;
    private final Forms forms;

    public ReportPage(SupportCaseService cases, TitleCheck titleCheck, KnowledgeSearch knowledge, Deflections deflections,
            ReportQuestions questions, PeopleDirectory people, Forms forms) {
        this.cases = cases;
        this.titleCheck = titleCheck;
        this.knowledge = knowledge;
        this.deflections = deflections;
        this.questions = questions;
        this.people = people;
        this.forms = forms;
    }

    @GetMapping("/portal/indrapporter")
    String form(Model model, @ModelAttribute("me") PortalUser me) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", "error");
        values.put("draftId", Deflections.newDraftId());
        return page(model, me, values, Map.of());
    }

    @PostMapping("/portal/indrapporter")
    String report(@RequestParam MultiValueMap<String, String> params, Model model, @ModelAttribute("me") PortalUser me,
            RedirectAttributes redirect) {
        Map<String, String> values = Forms.values(params);
        values.putIfAbsent("kind", "error");
        if (!Deflections.isDraftId(values.get("draftId"))) {
            values.put("draftId", Deflections.newDraftId());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate availableDate = date(values.get("availableDate"), errors);
        CaseReport report = report(values, availableDate, me);
        forms.check(report, FIELDS).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            return page(model, me, values, errors);
        }
        SupportCaseService.OpenedCase opened;
        try {
            opened = cases.openCase(report, me.id());
        } catch (Refused refused) {
            return page(model, me, values, Forms.errorsOf(refused, "kind"));
        }
        try {
            deflections.reported(values.get("draftId"), opened.caseNumber());
        } catch (RuntimeException e) {
            // the case is filed; only the count is missing
            LOG.warn("Report draft not counted: {}", e.getClass().getName());
        }
        redirect.addFlashAttribute("opened", true);
        redirect.addFlashAttribute("titleFindings", titleCheck.messages(report.title()));
        return "redirect:/portal/sager/" + opened.caseNumber();
    }

    /** The suggestions beside the form, as the title and description are typed (htmx). */
    @PostMapping("/portal/indrapporter/forslag")
    String suggestions(@RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> values = Forms.values(params);
        String text = SEARCHED.stream().map(values::get).filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining("\n"));
        List<KnowledgeHit> hits = text.isBlank() ? List.of() : knowledge.suggestionsFor(text, values.get("component"));
        if (!hits.isEmpty() && Deflections.isDraftId(values.get("draftId"))) {
            try {
                deflections.suggestionsShown(values.get("draftId"));
            } catch (RuntimeException e) {
                LOG.warn("Suggestions not counted: {}", e.getClass().getName());
            }
        }
        model.addAttribute("hits", hits);
        model.addAttribute("draftId", values.get("draftId"));
        model.addAttribute("searched", !text.isBlank());
        return "portal/forslag :: suggestions";
    }

    /** "Det løste mit problem": the report ends here, without a case. */
    @PostMapping("/portal/indrapporter/loest")
    String solved(@RequestParam String draftId, @RequestParam String kind, @RequestParam String ref,
            @RequestParam(required = false) String title, Model model) {
        if (Deflections.isDraftId(draftId) && kind.length() <= 20 && ref.length() <= 64) {
            deflections.solvedBySuggestion(draftId, kind, ref);
        }
        model.addAttribute("solvedTitle", title);
        return "portal/loest";
    }

    private String page(Model model, PortalUser me, Map<String, String> values, Map<String, String> errors) {
        Forms.show(model, values, errors);
        model.addAttribute("questions", questions.all());
        if (me.support()) {
            model.addAttribute("superusers", people.namesOfGroup(Groups.SUPERBRUGERE));
        }
        return "portal/indrapporter";
    }

    private static CaseReport report(Map<String, String> v, LocalDate availableDate, PortalUser me) {
        boolean paymentBlocked = v.get("paymentBlocked") != null;
        String reporter = me.support() ? blankToNull(v.get("reporter")) : null;
        String channel = me.support() ? blankToNull(v.get("channel")) : null;
        return new CaseReport(v.get("title"), v.get("workingOn"), blankToNull(v.get("stepsTaken")), v.get("expected"),
                blankToNull(v.get("actual")), blankToNull(v.get("triedSoFar")), blankToNull(v.get("errorMessage")),
                blankToNull(v.get("component")), blankToNull(v.get("cpr")), blankToNull(v.get("kpCaseId")),
                blankToNull(v.get("kpTaskKey")), paymentBlocked, paymentBlocked ? availableDate : null,
                blankToNull(v.get("otherCasesAffected")), blankToNull(v.get("kpTaskId")), v.get("kind"), reporter, channel);
    }

    /** A date as the date field sends it (åååå-mm-dd), or typed the Danish way (dd-mm-åååå, dd.mm.åååå). */
    private static LocalDate date(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        for (String candidate : Stream.of(text, text.replace('.', '-').replace('/', '-')).toList()) {
            try {
                return candidate.matches("\\d{4}-.*") ? LocalDate.parse(candidate) : LocalDate.parse(candidate, DANISH_DATE);
            } catch (DateTimeParseException e) {
                // the next form, or the message below
            }
        }
        errors.put("availableDate", "Skriv den disponible dato som dd-mm-åååå, fx 15-01-2027.");
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
