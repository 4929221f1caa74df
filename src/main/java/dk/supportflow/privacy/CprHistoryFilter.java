package dk.supportflow.privacy;

import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.process.SupportCaseProcess.Vars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps CPR numbers out of Camunda's history. The Tasklist start form submits the CPR number as
 * the variable {@code cpr}; the intake listener moves it into our encrypted column and removes
 * the variable in the same transaction, but the history events of that short-lived variable
 * (and of the submitted form field) would still be written to ACT_HI_*. This plugin replaces
 * the default database history handler by one that drops those events and masks any CPR-like
 * number that a free text variable quotes. It also drops the variables prepared only for a
 * task's form (suggestions, similar cases, the MinSupport draft: texts of this and other cases),
 * so that the history holds no copies of them to chase at erasure.
 */
@Component
public class CprHistoryFilter extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new FilteringHandler(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Variables prepared only for a form's display (tasks.FormDisplay): never history. */
    private static final Set<String> FORM_DISPLAY = formDisplay();

    private static Set<String> formDisplay() {
        Set<String> names = new HashSet<>(Vars.FORM_DISPLAY);
        names.addAll(DriftssideProcess.Vars.FORM_DISPLAY);
        return Set.copyOf(names);
    }

    static boolean keptOut(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return Vars.CPR.equals(variable.getVariableName()) || FORM_DISPLAY.contains(variable.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity formProperty) {
            return Vars.CPR.equals(formProperty.getPropertyId());
        }
        return false;
    }

    private record FilteringHandler(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (keptOut(event)) {
                return;
            }
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                variable.setTextValue(Cpr.maskInText(variable.getTextValue()));
                variable.setTextValue2(Cpr.maskInText(variable.getTextValue2()));
            } else if (event instanceof HistoricFormPropertyEventEntity formProperty
                    && formProperty.getPropertyValue() instanceof String value) {
                formProperty.setPropertyValue(Cpr.maskInText(value));
            }
            delegate.handleEvent(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
