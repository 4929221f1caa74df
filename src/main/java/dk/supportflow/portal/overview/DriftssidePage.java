package dk.supportflow.portal.overview;

import dk.supportflow.portal.PortalPage;
import dk.supportflow.driftsside.DriftssideMessage;
import dk.supportflow.driftsside.DriftssideMessages;
import dk.supportflow.driftsside.KnownErrorCase;
import dk.supportflow.driftsside.KnownErrorLinks;
import dk.supportflow.driftsside.MessageState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /portal/driftsside: the driftsside's messages, how they were reviewed, and the cases linked to them. */
@Controller
public class DriftssidePage implements PortalPage {

    private final DriftssideMessages messages;
    private final KnownErrorLinks links;

    public DriftssidePage(DriftssideMessages messages, KnownErrorLinks links) {
        this.messages = messages;
        this.links = links;
    }

    /** A message as the page lists it, with the case numbers of the cases linked through its known errors. */
    public record Row(DriftssideMessage message, List<String> linkedCases) {
    }

    @GetMapping("/portal/driftsside")
    @Transactional(readOnly = true)
    String page(@RequestParam(required = false) String tilstand, Model model) {
        MessageState state = tilstand == null ? null : MessageState.ofCode(tilstand).orElse(null);
        List<Row> rows = new ArrayList<>();
        for (DriftssideMessage m : messages.list(state)) {
            List<String> linked = new ArrayList<>();
            if (m.getKnownErrorId() != null) {
                links.linksTo(m.getKnownErrorId()).stream().map(KnownErrorCase::getCaseNumber).forEach(linked::add);
            }
            m.getFixedKnownErrorIds().forEach(id -> links.linksTo(id).stream().map(KnownErrorCase::getCaseNumber)
                    .filter(nr -> !linked.contains(nr)).forEach(linked::add));
            rows.add(new Row(m, linked));
        }
        Map<String, String> states = new LinkedHashMap<>();
        states.put("", "Alle");
        for (MessageState s : MessageState.values()) {
            states.put(s.code(), s.danishName());
        }
        model.addAttribute("rows", rows);
        model.addAttribute("states", states);
        model.addAttribute("selected", state == null ? "" : state.code());
        return "portal/driftsside";
    }
}
