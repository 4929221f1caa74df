package dk.supportflow.portal.knowledge;

import dk.supportflow.domain.Refused;
import dk.supportflow.knowledge.KnowledgeArticle;
import dk.supportflow.knowledge.KnowledgeController;
import dk.supportflow.knowledge.KnowledgeEntries;
import dk.supportflow.knowledge.KnowledgeSearch;
import dk.supportflow.knowledge.KnownError;
import dk.supportflow.knowledge.SolvedCase;
import dk.supportflow.knowledge.search.KnowledgeHit;
import dk.supportflow.knowledge.search.KnowledgeKind;
import dk.supportflow.portal.Forms;
import dk.supportflow.portal.PortalPage;
import dk.supportflow.portal.PortalUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /portal/viden: search the shared knowledge with the Danish analysis (known errors and articles
 * first, then solved cases, the matched words marked); the supportberettigede write, edit and
 * retire articles (one from a solved case in two clicks), and with the driftsansvarlige known errors.
 */
@Controller
public class KnowledgePage implements PortalPage {

    static final List<String> ARTICLE_FIELDS = List.of("caseNumber", "title", "symptom", "cause", "solution", "component");
    static final List<String> KNOWN_ERROR_FIELDS = List.of("symptom", "component", "workaround", "sourceLink");
    static final Map<String, String> KINDS = Map.of(
            KnowledgeKind.KNOWN_ERROR.key(), "Kendte fejl",
            KnowledgeKind.ARTICLE.key(), "Vejledninger",
            KnowledgeKind.CASE.key(), "Løste sager");
    private static final int RESULTS = 20;

    private final KnowledgeSearch search;
    private final KnowledgeEntries entries;
    private final Forms forms;

    public KnowledgePage(KnowledgeSearch search, KnowledgeEntries entries, Forms forms) {
        this.search = search;
        this.entries = entries;
        this.forms = forms;
    }

    @GetMapping("/portal/viden")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String art,
            @RequestParam(required = false) String komponent, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", q);
        values.put("art", art);
        values.put("komponent", komponent);
        Map<String, String> errors = new LinkedHashMap<>();
        List<KnowledgeHit> hits = List.of();
        if (q != null && !q.isBlank()) {
            Set<KnowledgeKind> kinds = art != null && KINDS.containsKey(art) ? Set.of(KnowledgeKind.ofKey(art)) : Set.of();
            try {
                hits = search.search(q, komponent == null || komponent.isBlank() ? null : komponent.strip(), kinds, RESULTS);
            } catch (Refused refused) {
                errors.put("q", refused.getMessage());
            }
        }
        Forms.show(model, values, errors);
        model.addAttribute("hits", hits);
        model.addAttribute("searched", q != null && !q.isBlank() && errors.isEmpty());
        model.addAttribute("kinds", KINDS);
        return "portal/viden";
    }

    @GetMapping("/portal/viden/artikler/ny")
    String newArticle(@RequestParam(required = false) String sag, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        if (sag != null) {
            SolvedCase solved = entries.solvedCase(sag).orElseThrow(() -> Refused.conflict(
                    "Sagen " + sag + " er ikke en løst sag. En artikel skrives ud fra en lukket sag med et svar."));
            values.put("caseNumber", solved.getCaseNumber());
            values.put("title", solved.getTitle());
            values.put("symptom", solved.getSymptom());
            values.put("solution", solved.getAnswer());
            values.put("component", solved.getComponent());
        }
        return articleForm(model, null, values, Map.of());
    }

    @PostMapping("/portal/viden/artikler")
    String writeArticle(@RequestParam MultiValueMap<String, String> params, @ModelAttribute("me") PortalUser me, Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Forms.values(params);
        return forms.submit(article(values), ARTICLE_FIELDS, "caseNumber", article -> {
            KnowledgeArticle written = entries.writeArticle(article.caseNumber(), article.title(), article.symptom(),
                    article.cause(), article.solution(), article.component(), me.id());
            redirect.addFlashAttribute("notice", "Artiklen »" + written.getTitle() + "« er gemt og kan findes med det samme.");
            return "redirect:/portal/viden?q=" + encode(written.getTitle());
        }, errors -> articleForm(model, null, values, errors));
    }

    @GetMapping("/portal/viden/artikler/{id}/rediger")
    String editArticleForm(@PathVariable long id, Model model) {
        KnowledgeArticle a = entries.article(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("caseNumber", a.getCaseNumber());
        values.put("title", a.getTitle());
        values.put("symptom", a.getSymptom());
        values.put("cause", a.getCause());
        values.put("solution", a.getSolution());
        values.put("component", a.getComponent());
        return articleForm(model, id, values, Map.of());
    }

    @PostMapping("/portal/viden/artikler/{id}")
    String editArticle(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Forms.values(params);
        values.put("caseNumber", entries.article(id).getCaseNumber());
        return forms.submit(article(values), ARTICLE_FIELDS, "title", article -> {
            KnowledgeArticle edited = entries.editArticle(id, article.title(), article.symptom(), article.cause(),
                    article.solution(), article.component());
            redirect.addFlashAttribute("notice", "Artiklen »" + edited.getTitle() + "« er rettet.");
            return "redirect:/portal/viden?q=" + encode(edited.getTitle());
        }, errors -> articleForm(model, id, values, errors));
    }

    @PostMapping("/portal/viden/artikler/{id}/udfas")
    String retireArticle(@PathVariable long id, RedirectAttributes redirect) {
        KnowledgeArticle retired = entries.retireArticle(id);
        redirect.addFlashAttribute("notice", "Artiklen »" + retired.getTitle() + "« er udfaset og vises ikke længere i søgningen.");
        return "redirect:/portal/viden";
    }

    @GetMapping("/portal/viden/kendte-fejl")
    String knownErrors(Model model) {
        model.addAttribute("knownErrors", entries.knownErrors(false));
        return "portal/kendte-fejl";
    }

    @GetMapping("/portal/viden/kendte-fejl/ny")
    String newKnownError(Model model) {
        return knownErrorForm(model, null, new LinkedHashMap<>(), Map.of());
    }

    @PostMapping("/portal/viden/kendte-fejl")
    String registerKnownError(@RequestParam MultiValueMap<String, String> params, @ModelAttribute("me") PortalUser me,
            Model model, RedirectAttributes redirect) {
        Map<String, String> values = Forms.values(params);
        return forms.submit(knownError(values), KNOWN_ERROR_FIELDS, "symptom", knownError -> {
            entries.registerKnownError(knownError.symptom(), knownError.component(), knownError.workaround(),
                    knownError.sourceLink(), me.id());
            redirect.addFlashAttribute("notice", "Den kendte fejl er registreret og vises nu, når nogen indrapporterer noget lignende.");
            return "redirect:/portal/viden/kendte-fejl";
        }, errors -> knownErrorForm(model, null, values, errors));
    }

    @GetMapping("/portal/viden/kendte-fejl/{id}/rediger")
    String editKnownErrorForm(@PathVariable long id, Model model) {
        KnownError k = entries.knownError(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("symptom", k.getSymptom());
        values.put("component", k.getComponent());
        values.put("workaround", k.getWorkaround());
        values.put("sourceLink", k.getSourceLink());
        return knownErrorForm(model, id, values, Map.of());
    }

    @PostMapping("/portal/viden/kendte-fejl/{id}")
    String editKnownError(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Forms.values(params);
        return forms.submit(knownError(values), KNOWN_ERROR_FIELDS, "symptom", knownError -> {
            entries.editKnownError(id, knownError.symptom(), knownError.component(), knownError.workaround(),
                    knownError.sourceLink());
            redirect.addFlashAttribute("notice", "Den kendte fejl er rettet.");
            return "redirect:/portal/viden/kendte-fejl";
        }, errors -> knownErrorForm(model, id, values, errors));
    }

    @PostMapping("/portal/viden/kendte-fejl/{id}/udfas")
    String retireKnownError(@PathVariable long id, RedirectAttributes redirect) {
        entries.retireKnownError(id);
        redirect.addFlashAttribute("notice", "Den kendte fejl er udfaset og vises ikke længere.");
        return "redirect:/portal/viden/kendte-fejl";
    }

    private static String articleForm(Model model, Long id, Map<String, String> values, Map<String, String> errors) {
        Forms.show(model, values, errors);
        model.addAttribute("id", id);
        return "portal/artikel";
    }

    private static String knownErrorForm(Model model, Long id, Map<String, String> values, Map<String, String> errors) {
        Forms.show(model, values, errors);
        model.addAttribute("id", id);
        return "portal/kendt-fejl";
    }

    private static KnowledgeController.NewArticle article(Map<String, String> v) {
        return new KnowledgeController.NewArticle(v.get("caseNumber"), v.get("title"), v.get("symptom"), v.get("cause"),
                v.get("solution"), v.get("component"));
    }

    private static KnowledgeController.NewKnownError knownError(Map<String, String> v) {
        return new KnowledgeController.NewKnownError(v.get("symptom"), v.get("component"), v.get("workaround"),
                v.get("sourceLink"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
