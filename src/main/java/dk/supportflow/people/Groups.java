package dk.supportflow.people;

import java.util.List;

/** The groups of the domain; ids are part of the contract. */
public final class Groups {

    public static final String SUPERBRUGERE = "superbrugere";
    public static final String SUPPORTBERETTIGEDE = "supportberettigede";
    public static final String SAGSBEHANDLERE = "sagsbehandlere";
    public static final String DRIFTSANSVARLIGE = "driftsansvarlige";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Technical users that scrape /actuator/prometheus; no rights in Camunda. */
    public static final String MONITORING = "monitoring";

    /** Every role: the groups whose grants Supportflow owns, and which a directory or a provider's claim may hold. */
    public static final List<String> ALL = List.of(SUPERBRUGERE, SUPPORTBERETTIGEDE, SAGSBEHANDLERE, DRIFTSANSVARLIGE,
            CAMUNDA_ADMIN, MONITORING);

    private Groups() {
    }
}
