package dk.supportflow.people;

import static dk.supportflow.people.Groups.DRIFTSANSVARLIGE;
import static dk.supportflow.people.Groups.SAGSBEHANDLERE;
import static dk.supportflow.people.Groups.SUPERBRUGERE;
import static dk.supportflow.people.Groups.SUPPORTBERETTIGEDE;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dk.supportflow.process.DriftssideProcess;
import dk.supportflow.process.GangmoedeProcess;
import dk.supportflow.process.SupportCaseProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure the domain's groups exist and have exactly what they need in Camunda: webapp access,
 * permissions on the processes and their tasks, and Tasklist filters. The groups' grants are a
 * desired state applied at every start in every profile: a permission an earlier version
 * granted and this one does not is taken away, so least privilege holds on an old database too.
 * Every user also gets a personal "Mine opgaver" filter, which needs no expression in a stored
 * query.
 */
@Component
@Order(0)
public class AccessSetup implements ApplicationRunner {

    static final String MY_TASKS_FILTER = "Mine opgaver";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    public AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    private record Grant(String group, int resourceType, String resourceId) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<Grant, List<Permission>> desired = new LinkedHashMap<>();
        ensureGroup(SUPERBRUGERE, "Superbrugere");
        ensureGroup(SUPPORTBERETTIGEDE, "Supportberettigede brugere");
        ensureGroup(SAGSBEHANDLERE, "Sagsbehandlere");
        ensureGroup(DRIFTSANSVARLIGE, "Driftsansvarlige");
        ensureGroup(Groups.CAMUNDA_ADMIN, "Administratorer");
        ensureGroup(Groups.MONITORING, "Overvågning (metrics)");

        // as Camunda's own admin-user setup does: administrators may do everything
        for (Resources resource : Resources.values()) {
            grant(desired, Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : List.of(SUPERBRUGERE, SUPPORTBERETTIGEDE, SAGSBEHANDLERE, DRIFTSANSVARLIGE)) {
            grant(desired, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(desired, group, Resources.USER, ANY, Permissions.READ);
            grant(desired, group, Resources.GROUP, ANY, Permissions.READ);
        }
        // Cockpit: the supportberettigede see every process, the driftsansvarlige only their own two
        grant(desired, SUPPORTBERETTIGEDE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(desired, SUPPORTBERETTIGEDE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(desired, SUPPORTBERETTIGEDE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(desired, SUPPORTBERETTIGEDE, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(desired, DRIFTSANSVARLIGE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(desired, DRIFTSANSVARLIGE, Resources.PROCESS_DEFINITION, GangmoedeProcess.PROCESS_KEY, Permissions.READ,
                Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        // superbrugere and supportberettigede report errors: start the support process
        for (String group : List.of(SUPERBRUGERE, SUPPORTBERETTIGEDE)) {
            grant(desired, group, Resources.PROCESS_DEFINITION, SupportCaseProcess.PROCESS_KEY, Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grant(desired, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // supportberettigede work every support case
        grant(desired, SUPPORTBERETTIGEDE, Resources.PROCESS_DEFINITION, SupportCaseProcess.PROCESS_KEY, Permissions.READ_TASK,
                Permissions.UPDATE_TASK, Permissions.UPDATE_INSTANCE);
        grant(desired, SUPPORTBERETTIGEDE, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
        // and plan the gangmøder about recurring errors
        grant(desired, SUPPORTBERETTIGEDE, Resources.PROCESS_DEFINITION, GangmoedeProcess.PROCESS_KEY, Permissions.READ_TASK,
                Permissions.UPDATE_TASK, Permissions.UPDATE_INSTANCE);
        // driftsansvarlige watch the driftsside: its watcher and review instances, and their review tasks
        grant(desired, DRIFTSANSVARLIGE, Resources.PROCESS_DEFINITION, DriftssideProcess.PROCESS_KEY, Permissions.READ,
                Permissions.READ_HISTORY, Permissions.READ_INSTANCE, Permissions.CREATE_INSTANCE, Permissions.READ_TASK,
                Permissions.UPDATE_TASK, Permissions.UPDATE_INSTANCE);
        grant(desired, DRIFTSANSVARLIGE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

        groupFilter(desired, SUPPORTBERETTIGEDE, "Supportsager", "Alle opgaver i supportsager for de supportberettigede", -5,
                taskService.createTaskQuery().taskCandidateGroup(SUPPORTBERETTIGEDE).includeAssignedTasks());
        groupFilter(desired, DRIFTSANSVARLIGE, "Driftsopgaver", "Opgaver for de driftsansvarlige", -5,
                taskService.createTaskQuery().taskCandidateGroup(DRIFTSANSVARLIGE).includeAssignedTasks());
        applyDesiredGrants(desired);
        ensurePersonalFilters();
    }

    /**
     * Users created in the Admin webapp, or given a group in the directory, get their filter within
     * minutes, without a restart. Only the members of the groups that work in Tasklist: a
     * directory holds everybody in the municipality.
     */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void ensurePersonalFilters() {
        Set<String> users = new LinkedHashSet<>();
        for (String group : List.of(SUPERBRUGERE, SUPPORTBERETTIGEDE, SAGSBEHANDLERE, DRIFTSANSVARLIGE, Groups.CAMUNDA_ADMIN)) {
            identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> users.add(user.getId()));
        }
        for (String user : users) {
            boolean exists = filterService.createFilterQuery().filterOwner(user).filterName(MY_TASKS_FILTER)
                    .count() > 0;
            if (!exists) {
                Filter filter = filterService.newTaskFilter(MY_TASKS_FILTER)
                        .setOwner(user)
                        .setQuery(taskService.createTaskQuery().taskAssignee(user))
                        .setProperties(filterProperties("Opgaver, der er tildelt dig", -10));
                filterService.saveFilter(filter);
            }
        }
    }

    private void groupFilter(Map<Grant, List<Permission>> desired, String group, String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(query).setProperties(filterProperties(description, priority));
            filterService.saveFilter(filter);
        }
        grant(desired, group, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private static Map<String, Object> filterProperties(String description, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", SupportCaseProcess.Vars.CASE_NUMBER, "label", "Sagsnummer"),
                Map.of("name", SupportCaseProcess.Vars.TITLE, "label", "Titel")));
        return properties;
    }

    private void ensureGroup(String id, String name) {
        // a directory (read-only) holds its own groups: people.Directory checks them at start-up
        if (!identityService.isReadOnly() && identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.CAMUNDA_ADMIN.equals(id) || Groups.MONITORING.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private static void grant(Map<Grant, List<Permission>> desired, String group, Resource resource, String resourceId, Permission... permissions) {
        desired.computeIfAbsent(new Grant(group, resource.resourceType(), resourceId), g -> new ArrayList<>())
                .addAll(List.of(permissions));
    }

    /** Each managed group's grants become exactly the desired ones: missing added, extra taken away. */
    private void applyDesiredGrants(Map<Grant, List<Permission>> desired) {
        // the grants of every role are owned here; grants of users (the engine's own) are left alone
        for (Authorization existing : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(Groups.ALL.toArray(String[]::new)).list()) {
            Grant grant = new Grant(existing.getGroupId(), existing.getResourceType(), existing.getResourceId());
            List<Permission> wanted = desired.remove(grant);
            if (wanted == null) {
                authorizationService.deleteAuthorization(existing.getId());
            } else {
                save(existing, wanted);
            }
        }
        desired.forEach((grant, wanted) -> {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResourceType(grant.resourceType());
            authorization.setResourceId(grant.resourceId());
            save(authorization, wanted);
        });
    }

    private void save(Authorization authorization, List<Permission> wanted) {
        authorization.setPermissions(new Permission[] {Permissions.NONE});
        wanted.forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }
}
