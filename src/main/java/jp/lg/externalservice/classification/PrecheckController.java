package jp.lg.externalservice.classification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.lg.externalservice.system.FieldError;
import jp.lg.externalservice.system.InputReader;
import jp.lg.externalservice.system.InputValidationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/precheck}: what does this intended use need? Starts and stores nothing
 * (rulings.md §3).
 */
@RestController
public class PrecheckController {

  private final ClassificationService classificationService;
  private final DmnRuleTables ruleTables;

  public PrecheckController(ClassificationService classificationService, DmnRuleTables ruleTables) {
    this.classificationService = classificationService;
    this.ruleTables = ruleTables;
  }

  @PostMapping(path = "/api/precheck", consumes = "application/json", produces = "application/json")
  public Classification precheck(@RequestBody JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InputValidationException(
          List.of(
              new FieldError("(body)", "JSON オブジェクトを送信してください", "the body must be a JSON object")));
    }
    InputReader reader = new InputReader(body);
    ClassificationInput input = ClassificationInputReader.read(reader, false);
    reader.throwIfInvalid();
    return classificationService.classify(input, ruleTables.unrecorded());
  }
}
