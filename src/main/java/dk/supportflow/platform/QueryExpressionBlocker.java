package dk.supportflow.platform;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.springframework.stereotype.Component;

/**
 * No query ever evaluates an expression, whoever asks. Camunda's own switches
 * ({@code enable-expressions-in-adhoc-queries}/{@code -stored-queries}) are checked only on the top
 * level of a query created by a service, not on its OR-queries, so a task query could still make
 * the engine evaluate a caller's expression. This guard looks at every query the engine is asked
 * to run (ad hoc, its OR-queries, a filter's extending query and its stored query) and at every
 * filter being saved. Nothing in Supportflow needs query expressions: our filters name the user
 * outright (people.AccessSetup).
 */
@Component
public class QueryExpressionBlocker implements CommandGuard {

    static final String MESSAGE = "Forespørgsler med udtryk (${…} eller #{…}) er ikke tilladt.";

    @Override
    public void check(Command<?> command, CommandContext context) {
        if (command instanceof AbstractQuery<?, ?> query) {
            refuseExpressions(query);
        } else if (command instanceof AbstractExecuteFilterCmd execute) {
            refuseExpressions(CommandFields.read(execute, AbstractExecuteFilterCmd.class, "extendingQuery"));
            String filterId = (String) CommandFields.read(execute, AbstractExecuteFilterCmd.class, "filterId");
            FilterEntity stored = filterId == null ? null : context.getFilterManager().findFilterById(filterId);
            if (stored != null) {
                // a filter stored before this guard, or written into the table directly
                refuseExpressions(stored.getQuery());
            }
        } else if (command instanceof SaveFilterCmd save) {
            Filter filter = (Filter) CommandFields.read(save, SaveFilterCmd.class, "filter");
            if (filter != null) {
                refuseExpressions(filter.getQuery());
            }
        }
    }

    private static void refuseExpressions(Object query) {
        if (query instanceof AbstractQuery<?, ?> abstractQuery && !abstractQuery.getExpressions().isEmpty()) {
            throw new UserInputRefused(MESSAGE);
        }
        if (query instanceof TaskQueryImpl taskQuery) {
            for (TaskQueryImpl orQuery : taskQuery.getQueries()) {
                if (!orQuery.getExpressions().isEmpty()) {
                    throw new UserInputRefused(MESSAGE);
                }
            }
        }
    }
}
