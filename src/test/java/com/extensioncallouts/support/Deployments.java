package com.extensioncallouts.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Deploys test processes and removes them again (with their instances and history), so that
 * test classes sharing one application context never see each other's rules.
 */
public final class Deployments {

    private final RepositoryService repositoryService;
    private final List<String> deploymentIds = new ArrayList<>();

    public Deployments(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    public Deployment deploy(String resourceName, String bpmnXml) {
        Deployment deployment = repositoryService.createDeployment()
                .name("test " + resourceName)
                .addString(resourceName, bpmnXml)
                .deploy();
        deploymentIds.add(deployment.getId());
        return deployment;
    }

    /** Remembers a deployment made some other way (e.g. through /engine-rest) for {@link #deleteAll()}. */
    public void track(String deploymentId) {
        deploymentIds.add(deploymentId);
    }

    public void deleteAll() {
        for (String id : deploymentIds) {
            repositoryService.deleteDeployment(id, true);
        }
        deploymentIds.clear();
    }
}
