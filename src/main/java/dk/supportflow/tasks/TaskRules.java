package dk.supportflow.tasks;

import java.util.Set;

/** The completion rules of some user tasks of {@code supportCase}; each feature owns its tasks' rules. */
public interface TaskRules {

    Set<String> taskKeys();

    void check(String taskKey, TaskInput input);
}
