package dk.supportflow.cases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The KP components as MinSupport names them ({@code supportflow.kp.components}). A component
 * is free text, but "beregn  Tillæg" and "Beregn tillæg" are one component: compared without
 * regard to capitals and spaces, and stored in the configured spelling when there is one.
 */
@Component
public class KpComponents {

    private final List<String> names;

    public KpComponents(Environment environment) {
        // a YAML list: @Value does not bind those
        this.names = Binder.get(environment).bind("supportflow.kp.components", Bindable.listOf(String.class))
                .orElse(List.of()).stream().map(KpComponents::tidy).filter(name -> !name.isEmpty()).distinct().toList();
    }

    public List<String> names() {
        return names;
    }

    /** The configured spelling of a component, else the text trimmed with single spaces; null when blank. */
    public String canonical(String component) {
        if (component == null || component.isBlank()) {
            return null;
        }
        return configured(component).orElse(tidy(component));
    }

    public Optional<String> configured(String component) {
        String key = key(component);
        return names.stream().filter(name -> key(name).equals(key)).findFirst();
    }

    /** What makes two spellings one component: case and whitespace ignored. */
    public static String key(String component) {
        return component == null ? "" : component.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String tidy(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
