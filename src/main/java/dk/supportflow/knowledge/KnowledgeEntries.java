package dk.supportflow.knowledge;

import dk.supportflow.domain.Refused;
import dk.supportflow.knowledge.search.KnowledgeKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Known errors and knowledge articles: created, edited, listed and retired; the index follows after commit. */
@Service
public class KnowledgeEntries {

    private final KnownErrorRepository knownErrors;
    private final KnowledgeArticleRepository articles;
    private final SolvedCaseRepository solvedCases;
    private final KnowledgeSearch search;
    private final Clock clock;

    public KnowledgeEntries(KnownErrorRepository knownErrors, KnowledgeArticleRepository articles,
            SolvedCaseRepository solvedCases, KnowledgeSearch search, Clock clock) {
        this.knownErrors = knownErrors;
        this.articles = articles;
        this.solvedCases = solvedCases;
        this.search = search;
        this.clock = clock;
    }

    @Transactional
    public KnownError registerKnownError(String symptom, String component, String workaround, String sourceLink,
            String createdBy) {
        KnownError knownError = knownErrors.save(new KnownError(symptom.strip(), blankToNull(component), workaround.strip(),
                checkedLink(sourceLink), createdBy, clock.instant()));
        search.indexAfterCommit(knownError.toEntry());
        return knownError;
    }

    /** A better text for a known error still in use; a retired one is not brought back by editing. */
    @Transactional
    public KnownError editKnownError(long id, String symptom, String component, String workaround, String sourceLink) {
        KnownError knownError = knownError(id);
        if (knownError.isRetired()) {
            throw Refused.conflict("Den kendte fejl er udfaset og kan ikke længere rettes.");
        }
        knownError.edit(symptom.strip(), blankToNull(component), workaround.strip(), checkedLink(sourceLink));
        search.indexAfterCommit(knownError.toEntry());
        return knownError;
    }

    public KnownError knownError(long id) {
        return knownErrors.findById(id).orElseThrow(() -> Refused.notFound("Den kendte fejl " + id + " findes ikke."));
    }

    public List<KnownError> knownErrors(boolean includeRetired) {
        return includeRetired ? knownErrors.findAllByOrderByCreatedAtDesc() : knownErrors.findByRetiredAtIsNullOrderByCreatedAtDesc();
    }

    @Transactional
    public KnownError retireKnownError(long id) {
        KnownError knownError = knownError(id);
        knownError.retire(clock.instant());
        search.removeAfterCommit(KnowledgeKind.KNOWN_ERROR, String.valueOf(id));
        return knownError;
    }

    /** An article made from a solved case; the case's component and error class are the defaults. */
    @Transactional
    public KnowledgeArticle writeArticle(String caseNumber, String title, String symptom, String cause, String solution,
            String component, String createdBy) {
        SolvedCase solved = solvedCases.findByCaseNumber(caseNumber).orElseThrow(() -> new Refused(Refused.Why.CONFLICT,
                "Sagen " + caseNumber + " er ikke en løst sag. En artikel skrives ud fra en lukket sag med et svar."));
        KnowledgeArticle article = articles.save(new KnowledgeArticle(caseNumber, title.strip(), symptom.strip(),
                blankToNull(cause), solution.strip(), component == null || component.isBlank() ? solved.getComponent() : component.strip(),
                solved.getErrorClass(), createdBy, clock.instant()));
        search.indexAfterCommit(article.toEntry());
        return article;
    }

    @Transactional
    public KnowledgeArticle editArticle(long id, String title, String symptom, String cause, String solution,
            String component) {
        KnowledgeArticle article = article(id);
        if (article.isRetired()) {
            throw Refused.conflict("Artiklen er udfaset og kan ikke længere rettes.");
        }
        article.edit(title.strip(), symptom.strip(), blankToNull(cause), solution.strip(),
                component == null || component.isBlank() ? article.getComponent() : component.strip());
        search.indexAfterCommit(article.toEntry());
        return article;
    }

    /** The solved case an article can be written from, if the case is closed with an answer. */
    public Optional<SolvedCase> solvedCase(String caseNumber) {
        return solvedCases.findByCaseNumber(caseNumber);
    }

    public List<KnowledgeArticle> articlesOf(String caseNumber) {
        return articles.findByCaseNumber(caseNumber);
    }

    public KnowledgeArticle article(long id) {
        return articles.findById(id).orElseThrow(() -> Refused.notFound("Artiklen " + id + " findes ikke."));
    }

    @Transactional
    public KnowledgeArticle retireArticle(long id) {
        KnowledgeArticle article = article(id);
        article.retire(clock.instant());
        search.removeAfterCommit(KnowledgeKind.ARTICLE, String.valueOf(id));
        return article;
    }

    /** Only http and https links with a host: a link to the driftsside, never javascript: or file:. */
    static String checkedLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new Refused(Refused.Why.INVALID, "Kildelinket skal være en http- eller https-adresse, fx til driftssiden.",
                List.of(new Refused.Field("sourceLink", "Skal begynde med http:// eller https://.")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
