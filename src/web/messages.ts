// Words of the page shell that the console and the portal share.
export const vi = {
  skipToContent: 'Bỏ qua, tới nội dung chính',
  appName: 'Dân vận',
  languageSwitch: 'Ngôn ngữ',
  otherLanguage: 'English',
  otherLanguageHint: 'Chuyển sang tiếng Anh',
  mainNav: 'Điều hướng chính',
  footer: 'Hệ thống theo dõi đơn thư, tiếp công dân và đối thoại',
} as const;

export const en: Record<keyof typeof vi, string> = {
  skipToContent: 'Skip to main content',
  appName: 'Danvan',
  languageSwitch: 'Language',
  otherLanguage: 'Tiếng Việt',
  otherLanguageHint: 'Switch to Vietnamese',
  mainNav: 'Main navigation',
  footer: 'Petitions, citizen reception and dialogue, tracked',
};

export const SHELL_WORDS = { vi, en };
