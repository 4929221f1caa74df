package dk.supportflow.people;

/** The groups of the domain; ids are part of the contract. */
public final class Groups {

    public static final String SUPERBRUGERE = "superbrugere";
    public static final String SUPPORTBERETTIGEDE = "supportberettigede";
    public static final String SAGSBEHANDLERE = "sagsbehandlere";
    public static final String DRIFTSANSVARLIGE = "driftsansvarlige";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Technical users that scrape /actuator/prometheus; no rights in Camunda. */
    public static final String MONITORING = "monitoring";

    private Groups() {
    }
}
