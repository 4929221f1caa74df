package dk.supportflow.knowledge;

import dk.supportflow.knowledge.search.KnowledgeHit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "Viden", description = "Søg i løste sager, artikler og kendte fejl; registrér kendte fejl og artikler")
public class KnowledgeController {

    private final KnowledgeSearch search;
    private final KnowledgeEntries entries;

    public KnowledgeController(KnowledgeSearch search, KnowledgeEntries entries) {
        this.search = search;
        this.entries = entries;
    }

    @GetMapping
    @Operation(summary = "Søg i viden: kendte fejl og artikler først, så løste sager. Svaruddraget er HTML med <mark> om de fundne ord")
    public List<KnowledgeHit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String component,
            @RequestParam(required = false) Integer limit) {
        return search.search(q, component, limit);
    }

    public record NewKnownError(
            @NotBlank(message = "Beskriv fejlen, som brugerne ser den.")
            @Size(max = 1000, message = "Symptomet må højst være 1000 tegn.")
            String symptom,
            @Size(max = 200, message = "Komponenten må højst være 200 tegn.")
            String component,
            @NotBlank(message = "Skriv, hvad man gør, indtil fejlen er rettet.")
            @Size(max = 4000, message = "Den midlertidige løsning må højst være 4000 tegn.")
            String workaround,
            @Size(max = 1000, message = "Linket må højst være 1000 tegn.")
            String sourceLink) {
    }

    public record KnownErrorView(long id, String symptom, String component, String workaround, String sourceLink,
            Instant createdAt, Instant retiredAt) {
        static KnownErrorView of(KnownError k) {
            return new KnownErrorView(k.getId(), k.getSymptom(), k.getComponent(), k.getWorkaround(), k.getSourceLink(),
                    k.getCreatedAt(), k.getRetiredAt());
        }
    }

    @PostMapping("/known-errors")
    @Operation(summary = "Registrér en kendt fejl fra driftssiden")
    public ResponseEntity<KnownErrorView> registerKnownError(@Valid @RequestBody NewKnownError body, Authentication user) {
        KnownError knownError = entries.registerKnownError(body.symptom(), body.component(), body.workaround(),
                body.sourceLink(), user.getName());
        return ResponseEntity.created(URI.create("/api/knowledge/known-errors/" + knownError.getId()))
                .body(KnownErrorView.of(knownError));
    }

    @GetMapping("/known-errors")
    @Operation(summary = "De kendte fejl, nyeste først (udfasede med includeRetired=true)")
    public List<KnownErrorView> knownErrors(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return entries.knownErrors(includeRetired).stream().map(KnownErrorView::of).toList();
    }

    @PostMapping("/known-errors/{id}/retire")
    @Operation(summary = "Udfas en kendt fejl (fx rettet af leverandøren); den forsvinder fra søgningen")
    public KnownErrorView retireKnownError(@PathVariable long id) {
        return KnownErrorView.of(entries.retireKnownError(id));
    }

    public record NewArticle(
            @NotBlank(message = "Angiv den løste sag, artiklen bygger på.")
            @Size(max = 20, message = "Sagsnummeret må højst være 20 tegn.")
            String caseNumber,
            @NotBlank(message = "Giv artiklen en titel.")
            @Size(max = 200, message = "Titlen må højst være 200 tegn.")
            String title,
            @NotBlank(message = "Beskriv symptomet: hvad brugeren ser.")
            @Size(max = 4000, message = "Symptomet må højst være 4000 tegn.")
            String symptom,
            @Size(max = 4000, message = "Årsagen må højst være 4000 tegn.")
            String cause,
            @NotBlank(message = "Beskriv løsningen.")
            @Size(max = 4000, message = "Løsningen må højst være 4000 tegn.")
            String solution,
            @Size(max = 200, message = "Komponenten må højst være 200 tegn.")
            String component) {
    }

    public record ArticleView(long id, String caseNumber, String title, String symptom, String cause, String solution,
            String component, String errorClass, Instant createdAt, Instant retiredAt) {
        static ArticleView of(KnowledgeArticle a) {
            return new ArticleView(a.getId(), a.getCaseNumber(), a.getTitle(), a.getSymptom(), a.getCause(), a.getSolution(),
                    a.getComponent(), a.getErrorClass(), a.getCreatedAt(), a.getRetiredAt());
        }
    }

    @PostMapping("/articles")
    @Operation(summary = "Skriv en vidensartikel ud fra en løst sag")
    public ResponseEntity<ArticleView> writeArticle(@Valid @RequestBody NewArticle body, Authentication user) {
        KnowledgeArticle article = entries.writeArticle(body.caseNumber(), body.title(), body.symptom(), body.cause(),
                body.solution(), body.component(), user.getName());
        return ResponseEntity.created(URI.create("/api/knowledge/articles/" + article.getId())).body(ArticleView.of(article));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "En vidensartikel")
    public ArticleView article(@PathVariable long id) {
        return ArticleView.of(entries.article(id));
    }

    @PostMapping("/articles/{id}/retire")
    @Operation(summary = "Udfas en artikel; den forsvinder fra søgningen")
    public ArticleView retireArticle(@PathVariable long id) {
        return ArticleView.of(entries.retireArticle(id));
    }

    @PostMapping("/index/rebuild")
    @Operation(summary = "Byg søgeindekset forfra fra databasen (administrator)")
    public Map<String, Integer> rebuild() {
        return Map.of("entries", search.rebuild());
    }
}
