package dk.supportflow.platform;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the training sends people ({@code supportflow.links.*}): the vendor's driftsside, to check
 * for known errors first, and KOMBIT's document library with the guides to KP. Empty: not shown.
 */
@Component
public class Links {

    private final String driftsside;
    private final String documentLibrary;

    public Links(@Value("${supportflow.links.driftsside:}") String driftsside,
            @Value("${supportflow.links.document-library:}") String documentLibrary) {
        this.driftsside = driftsside.strip();
        this.documentLibrary = documentLibrary.strip();
    }

    public Optional<String> driftsside() {
        return Optional.of(driftsside).filter(url -> !url.isEmpty());
    }

    public Optional<String> documentLibrary() {
        return Optional.of(documentLibrary).filter(url -> !url.isEmpty());
    }
}
