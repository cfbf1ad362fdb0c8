// Paragraphs of the AFP wire story in examples/sources/afp-2019-10-09.txt, for the tests of attribution.
export const AFP = [
  ' date 2019-10-09 AFP, BEIJING',
  'China yesterday hit back at the US over the blacklisting of 28 Chinese entities accused of being implicated in rights violations against mostly Muslim minorities in the Xinjiang region, saying the claims are “groundless.”',
  'US Secretary of Commerce Wilbur Ross announced the move to bar the entities on Monday, saying that his country “cannot and will not tolerate the brutal suppression of ethnic minorities within China.”',
  'Beijing expressed “strong dissatisfaction and resolute opposition” to the blacklist and defended its policy in the western frontier region, where rights groups say more than 1 million Uighurs and other mostly Muslim minorities are held in re-education camps.',
  '“There is no such thing as these so-called ‘human rights issues’ as claimed by the United States,” Chinese Ministry of Foreign Affairs spokesman Geng Shuang (耿爽) said. “These accusations are nothing more than an excuse for the United States to deliberately interfere in China’s internal affairs.”',
  'The blacklisted firms included video surveillance company Hangzhou Hikvision Digital Technology Co (杭州海康威視數字技術), as well as artificial intelligence companies Megvii Technology Ltd (曠視科技) and SenseTime (商湯科技), according to an update to the US Federal Register set to be published tomorrow.',
  'On Monday, the White House announced that talks between the two countries were set to resume tomorrow, with Chinese Vice Premier Liu He (劉鶴) due to meet US Trade Representative Robert Lighthizer and US Secretary of the Treasury Steven Mnuchin.',
  '“These entities have been implicated in human rights violations and abuses in the implementation of China’s campaign of repression, mass arbitrary detention, and high-technology surveillance against Uighurs, Kazakhs and other members of Muslim minority groups,” the Federal Register update said.',
].join('\n\n');
