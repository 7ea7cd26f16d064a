/** The seed's enumerated persona values; the strings are what the REST surface carries. */
export enum Tone {
  FRIENDLY_AND_SINCERE = 'friendly and sincere',
  PROFESSIONAL_AND_CAUTIOUS = 'professional and cautious',
  CLEAR_AND_DIRECT = 'clear and direct',
}

export enum OutputLength {
  DETAILED = 'detailed',
  NORMAL_LENGTH = 'normal-length',
  CONCISE = 'concise',
}

export enum LanguageMode {
  WRITTEN = 'written',
  SPOKEN = 'spoken',
}

export enum LanguageResponse {
  CHINESE = 'Chinese',
  ENGLISH = 'English',
}

/** 0=未激活 1=正常 2=接近过期 3=已过期, as in the seed. */
export enum StaffState {
  INACTIVE = 0,
  NORMAL = 1,
  EXPIRING_SOON = 2,
  EXPIRED = 3,
}
