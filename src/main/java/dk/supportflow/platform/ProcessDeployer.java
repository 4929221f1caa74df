package dk.supportflow.platform;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and form files of {@code processes/} as one deployment. The resource
 * names are the paths below {@code processes/}, the same whether the application runs from
 * {@code spring-boot:run}, a test or the jar, so that an unchanged process is never deployed
 * again. Forms are in the same deployment, as {@code formRefBinding="deployment"} requires.
 */
@Component
@Order(-1)
public class ProcessDeployer implements ApplicationRunner {

    static final String DEPLOYMENT_NAME = "supportflow";
    private static final String ROOT = "processes/";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    public ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        int count = 0;
        for (String pattern : new String[] {"**/*.bpmn", "**/*.dmn", "**/*.form"}) {
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    deployment.addInputStream(stableName(resource), in);
                }
                count++;
            }
        }
        var result = deployment.deployWithResult();
        LOG.info("Deployed {} process resources (deployment {})", count, result.getId());
    }

    static String stableName(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        return url.substring(url.lastIndexOf(ROOT) + ROOT.length());
    }
}
