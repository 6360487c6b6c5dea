package jp.lg.externalservice.administration;

import jp.lg.externalservice.security.Administrators;
import jp.lg.externalservice.system.DeploymentReport;
import jp.lg.externalservice.system.ResourceDeployer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redeploys {@code processes/} and {@code forms/} from the deployment directory while the system
 * runs (administrators only). {@code GET} is the dry run: what would get a new version. {@code
 * POST} deploys what changed; a bad file refuses the whole revision with 400 naming every file and
 * problem.
 */
@RestController
public class DeploymentController {

  private final ResourceDeployer deployer;
  private final Administrators administrators;

  public DeploymentController(ResourceDeployer deployer, Administrators administrators) {
    this.deployer = deployer;
    this.administrators = administrators;
  }

  @GetMapping(path = "/api/admin/deployments", produces = "application/json")
  public DeploymentReport check() {
    administrators.require();
    return deployer.deploy(true);
  }

  @PostMapping(path = "/api/admin/deployments", produces = "application/json")
  public DeploymentReport redeploy() {
    administrators.require();
    return deployer.deploy(false);
  }
}
