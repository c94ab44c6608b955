import Taro from '@tarojs/taro';

export const quarterPage = (villageId: string, key: string) => `/pages/quarter/index?villageId=${villageId}&quarter=${key}`;

export const go = (url: string) => () => Taro.navigateTo({ url });
