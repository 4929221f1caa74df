package dk.supportflow.analysis;

import static dk.supportflow.process.SupportCaseProcess.Vars;

import dk.supportflow.platform.Links;
import dk.supportflow.process.SupportCaseProcess;
import dk.supportflow.tasks.FormDisplay;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of analyseError: the links the training points to while troubleshooting (the
 * driftsside first, then KOMBIT's guides), as the installation has them configured today.
 */
@Component(SupportCaseProcess.Beans.TROUBLESHOOTING_LINKS)
public class TroubleshootingLinksListener implements TaskListener {

    private final Links links;
    private final FormDisplay display;

    public TroubleshootingLinksListener(Links links, FormDisplay display) {
        this.links = links;
        this.display = display;
    }

    @Override
    public void notify(DelegateTask task) {
        display.show(task, Vars.DRIFTSSIDE_URL, links.driftsside().orElse(null));
        display.show(task, Vars.DOCUMENT_LIBRARY_URL, links.documentLibrary().orElse(null));
    }
}
