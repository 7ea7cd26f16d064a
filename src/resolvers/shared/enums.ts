import { registerEnumType } from 'type-graphql';
import { StaffChangeKind } from '../../core/events/event-bus.js';
import { CodePurpose } from '../../entities/auth/verification-code.entity.js';
import { ProductLanguage, ProductState } from '../../entities/product/product.entity.js';
import { LanguageMode, LanguageResponse, OutputLength, StaffState, Tone } from '../../entities/staff/staff-enums.js';

export enum Role {
  MERCHANT = 'merchant',
  ADMIN = 'admin',
  AGENT = 'agent',
}

registerEnumType(Role, { name: 'Role', description: 'The kind of account a token belongs to' });
registerEnumType(Tone, { name: 'Tone' });
registerEnumType(OutputLength, { name: 'OutputLength' });
registerEnumType(LanguageMode, { name: 'LanguageMode' });
registerEnumType(LanguageResponse, { name: 'LanguageResponse' });
registerEnumType(StaffState, { name: 'StaffState', description: 'Follows from the trial and paid periods' });
registerEnumType(ProductState, { name: 'ProductState' });
registerEnumType(ProductLanguage, { name: 'ProductLanguage' });

export const StaffChangeKindEnum = Object.fromEntries(Object.values(StaffChangeKind).map((v) => [v, v])) as { [K in StaffChangeKind]: K };
registerEnumType(StaffChangeKindEnum, { name: 'StaffChangeKind' });

export const CodePurposeEnum = { REGISTER: CodePurpose.Register, RESET_PASSWORD: CodePurpose.ResetPassword };
registerEnumType(CodePurposeEnum, { name: 'VerificationPurpose' });
