package dk.supportflow.portal;

/**
 * Marks the controllers of the portal's pages: they get the portal's model (who is logged in) and
 * its Danish error pages (PortalAdvice). The portal's JSON endpoints are not pages and answer as the API does.
 */
public interface PortalPage {
}
