import { describe, expect, it } from 'vitest';
import { parseWecomXml, wecomDecrypt, wecomEncrypt, wecomSignature, wecomSignatureMatches } from '../../../src/services/channel/wecom-crypto.js';
import { readWecomMessage } from '../../../src/services/channel/wecom-message.js';
import { MessageType } from '../../../src/entities/session/message.entity.js';

// The sample of WeCom's official WXBizMsgCrypt SDK (Sample.py / Sample.cpp of weworkapi): its corp settings,
// URL check and encrypted message.
const token = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const aesKey = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const corpId = 'ww1436e0e65a779aee';
const verify = {
  signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
  timestamp: '1476416373',
  nonce: '47744683',
  echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
};
const request = {
  signature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
  timestamp: '1476422779',
  nonce: '1597212914',
  xml: `<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>
<Encrypt><![CDATA[Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+]]></Encrypt>
<AgentID><![CDATA[1000002]]></AgentID>
</xml>`,
};

describe('WeCom callback crypto, against the official sample', () => {
  it('verifies the URL check and decrypts its echostr', () => {
    expect(wecomSignature(token, verify.timestamp, verify.nonce, verify.echostr)).toBe(verify.signature);
    expect(wecomSignatureMatches(token, verify.timestamp, verify.nonce, verify.echostr, verify.signature)).toBe(true);
    expect(wecomDecrypt(aesKey, verify.echostr)).toEqual({ message: '1288432023552776189', receiverId: corpId });
  });

  it('verifies and decrypts the sample message', () => {
    const envelope = parseWecomXml(request.xml)!;
    expect(envelope.ToUserName).toBe(corpId);
    const encrypted = envelope.Encrypt as string;
    expect(wecomSignatureMatches(token, request.timestamp, request.nonce, encrypted, request.signature)).toBe(true);
    const plain = wecomDecrypt(aesKey, encrypted)!;
    expect(plain.receiverId).toBe(corpId);
    const message = parseWecomXml(plain.message)!;
    expect(message).toMatchObject({ ToUserName: corpId, FromUserName: 'ChenJiaShun', MsgType: 'text', Content: '你好', MsgId: '1456453720', AgentID: '1000002' });
    expect(readWecomMessage(message)).toEqual({ kind: 'message', fromUser: 'ChenJiaShun', msgId: '1456453720', msgType: MessageType.TEXT, content: '你好', payload: null });
  });

  it('refuses a wrong signature, token or key', () => {
    expect(wecomSignatureMatches(token, verify.timestamp, verify.nonce, verify.echostr, verify.signature.replace(/^0/, '1'))).toBe(false);
    expect(wecomSignatureMatches('otherToken', verify.timestamp, verify.nonce, verify.echostr, verify.signature)).toBe(false);
    expect(wecomSignatureMatches(token, verify.timestamp, verify.nonce, verify.echostr, 'short')).toBe(false);
    const other = wecomDecrypt('jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', verify.echostr);
    expect(other?.receiverId === corpId).toBe(false);
    expect(wecomDecrypt(aesKey, 'not base64 at all!')).toBeNull();
  });

  it('round-trips what it encrypts, multi-byte text included', () => {
    const xml = '<xml><Content><![CDATA[测试一下中文的情况，消息长度是按字节来算的]]></Content></xml>';
    expect(wecomDecrypt(aesKey, wecomEncrypt(aesKey, xml, corpId))).toEqual({ message: xml, receiverId: corpId });
  });

  it('does not expand entities or accept a DOCTYPE', () => {
    expect(parseWecomXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Content>&a;</Content></xml>')).toBeNull();
    expect(parseWecomXml('<xml><Content>&lt;b&gt;</Content></xml>')).toEqual({ Content: '&lt;b&gt;' });
    expect(parseWecomXml('not xml')).toBeNull();
    expect(parseWecomXml('<xml><MsgId>4561255354251345929</MsgId></xml>')).toEqual({ MsgId: '4561255354251345929' });
  });
});

describe('WeCom message types', () => {
  const base = { ToUserName: corpId, FromUserName: 'u1', CreateTime: '1', AgentID: '1000002' };
  it('reads media, location, link and events, and never fails on the unknown', () => {
    expect(readWecomMessage({ ...base, MsgType: 'image', PicUrl: 'http://p/x.jpg', MediaId: 'm1', MsgId: '9' })).toMatchObject({ kind: 'media', msgType: MessageType.PICTURE, mediaId: 'm1', fileName: 'image-9.jpg' });
    expect(readWecomMessage({ ...base, MsgType: 'voice', MediaId: 'm2', Format: 'amr', MsgId: '10' })).toMatchObject({ kind: 'media', msgType: MessageType.VOICE, fileName: 'voice-10.amr' });
    expect(readWecomMessage({ ...base, MsgType: 'video', MediaId: 'm3', ThumbMediaId: 't', MsgId: '11' })).toMatchObject({ kind: 'media', msgType: MessageType.VIDEO });
    expect(readWecomMessage({ ...base, MsgType: 'location', Location_X: '23.13', Location_Y: '113.26', Scale: '15', Label: '广州', MsgId: '12' })).toMatchObject({
      kind: 'message', msgType: MessageType.TEXT, content: '[location] 广州 (23.13, 113.26)', payload: { kind: 'location', latitude: 23.13, longitude: 113.26 },
    });
    expect(readWecomMessage({ ...base, MsgType: 'link', Title: 'T', Url: 'https://x', Description: 'D', MsgId: '13' })).toMatchObject({ kind: 'message', content: 'T\nhttps://x' });
    expect(readWecomMessage({ ...base, MsgType: 'event', Event: 'enter_agent' })).toEqual({ kind: 'event', fromUser: 'u1', event: 'enter_agent', eventKey: '' });
    expect(readWecomMessage({ ...base, MsgType: 'shortvideo2' })).toEqual({ kind: 'unsupported', fromUser: 'u1', msgType: 'shortvideo2' });
  });
});
