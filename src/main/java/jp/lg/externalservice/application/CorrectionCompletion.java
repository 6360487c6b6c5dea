package jp.lg.externalservice.application;

import static jp.lg.externalservice.caserecord.CaseVariables.CORRECTION_NOTE;

import jp.lg.externalservice.caserecord.CaseRecords;
import jp.lg.externalservice.certification.CertificationClaims;
import jp.lg.externalservice.registry.RegistryService;
import jp.lg.externalservice.security.DepartmentDirectory;
import jp.lg.externalservice.system.InputReader;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CorrectApplication}: the applicant corrects the returned application in full — any
 * answer, not only the checklist — and says what was changed; the same rules as the first filing
 * apply, and the server classifies it again (issue 14: the correction used to offer only the eight
 * security items and to tell the applicant to start over).
 */
@Component("correctionCompletion")
public class CorrectionCompletion extends SubmissionCompletion {

  public CorrectionCompletion(
      DepartmentDirectory directory,
      RegistryService registry,
      CaseRecords caseRecords,
      CertificationClaims certifications) {
    super(directory, registry, caseRecords, certifications);
  }

  @Override
  protected void checkMore(InputReader reader) {
    reader.requiredText(CORRECTION_NOTE, InputReader.MAX_TEXT);
  }
}
