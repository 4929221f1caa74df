package dk.supportflow.portal.cases;

import dk.supportflow.cases.CaseList;
import dk.supportflow.cases.CaseStage;
import dk.supportflow.minsupport.MinSupportRules;
import dk.supportflow.people.PeopleDirectory;
import dk.supportflow.portal.PortalPage;
import dk.supportflow.portal.PortalUser;
import dk.supportflow.process.SupportCaseProcess;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** /portal/sager: a superbruger's own cases, every case for the supportberettigede; filtered, sorted, a page at a time. */
@Controller
public class CaseListPage implements PortalPage {

    static final Map<String, String> STAGES = new LinkedHashMap<>();
    static final Map<String, String> CRITICALITIES = new LinkedHashMap<>();

    static {
        STAGES.put("", "Alle");
        STAGES.put("open", "Alle åbne");
        for (CaseStage stage : CaseStage.values()) {
            STAGES.put(stage.key(), stage.danishName());
        }
        CRITICALITIES.put("", "Alle");
        // most critical first
        for (int i = MinSupportRules.CRITICALITY_ORDER.size() - 1; i >= 0; i--) {
            String code = MinSupportRules.CRITICALITY_ORDER.get(i);
            CRITICALITIES.put(code, MinSupportRules.CRITICALITIES.get(code));
        }
    }

    private final CaseList caseList;
    private final PeopleDirectory people;

    public CaseListPage(CaseList caseList, PeopleDirectory people) {
        this.caseList = caseList;
        this.people = people;
    }

    @GetMapping("/portal/sager")
    String list(@RequestParam(required = false) String fase, @RequestParam(required = false) String art,
            @RequestParam(required = false) String venterPaa, @RequestParam(required = false) String kritikalitet,
            @RequestParam(required = false) String komponent, @RequestParam(required = false) String tekst,
            @RequestParam(required = false) String sortering, @RequestParam(defaultValue = "1") String side,
            @ModelAttribute("me") PortalUser me, Model model) {
        // a supportberettiget starts at the open cases, a superbruger at all of their own
        String stage = fase == null ? (me.supportStaff() ? "open" : "") : fase;
        int page = pageNumber(side);
        CaseList.Filter filter = new CaseList.Filter(stage, art, venterPaa, kritikalitet, trimmed(komponent, 200),
                trimmed(tekst, 200), sortering, page - 1);
        CaseList.Result result = caseList.list(filter, me.supportStaff() ? null : me.id());
        Map<String, String> names = new HashMap<>();
        result.rows().forEach(row -> names.computeIfAbsent(row.reporter(), people::displayName));

        Map<String, String> values = new HashMap<>();
        values.put("fase", stage);
        values.put("art", art);
        values.put("venterPaa", venterPaa);
        values.put("kritikalitet", kritikalitet);
        values.put("komponent", komponent);
        values.put("tekst", tekst);
        values.put("sortering", sortering);
        model.addAttribute("values", values);
        model.addAttribute("result", result);
        model.addAttribute("names", names);
        model.addAttribute("stages", STAGES);
        model.addAttribute("kinds", SupportCaseProcess.Kinds.NAMES);
        model.addAttribute("criticalities", CRITICALITIES);
        model.addAttribute("waitingOn", CaseList.WaitingOn.values());
        model.addAttribute("orders", CaseList.Order.values());
        model.addAttribute("previous", result.page() > 0 ? link(values, result.page()) : null);
        model.addAttribute("next", result.page() + 1 < result.pages() ? link(values, result.page() + 2) : null);
        return "portal/sager";
    }

    private static String link(Map<String, String> values, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/portal/sager");
        values.forEach((key, value) -> {
            if (value != null) {
                uri.queryParam(key, value);
            }
        });
        return uri.queryParam("side", page).encode().build().toUriString();
    }

    private static int pageNumber(String side) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(side.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String trimmed(String value, int max) {
        return value == null ? null : value.length() > max ? value.substring(0, max) : value;
    }
}
